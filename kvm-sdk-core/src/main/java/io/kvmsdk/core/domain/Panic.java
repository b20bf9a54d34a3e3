package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <panic>}: a device through which the guest reports a kernel panic to libvirt. */
@Value.Immutable
public abstract class Panic {
  /** isa, pseries, hyperv or s390. */
  public abstract Optional<String> model();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <panic model='...'/>}. */
  public static Panic of(String model) { return builder().model(model).build(); }

  /** Derives a changed copy; this value stays as it is. */
  public Panic copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Panic}. */
  public static class Builder extends ImmutablePanic.Builder {}
}
