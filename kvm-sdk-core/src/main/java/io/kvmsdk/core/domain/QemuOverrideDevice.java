package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <qemu:device>}: overrides for the device with a given alias. */
@Value.Immutable
public abstract class QemuOverrideDevice {
  /** The {@code alias} attribute. */
  public abstract Optional<String> alias();
  /** The {@code <qemu:frontend>} child. */
  public abstract Optional<QemuOverrideFrontend> frontend();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public QemuOverrideDevice copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link QemuOverrideDevice}. */
  public static class Builder extends ImmutableQemuOverrideDevice.Builder {}
}
