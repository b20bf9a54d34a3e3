package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <nvram>} device: the pSeries NVRAM. */
@Value.Immutable
public abstract class NvramDevice {
  /** {@code <alias name=''/>}: the device alias. */
  public abstract Optional<String> alias();

  /** {@code <address>}: the spapr-vio address. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NvramDevice copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NvramDevice}. */
  public static class Builder extends ImmutableNvramDevice.Builder {}
}
