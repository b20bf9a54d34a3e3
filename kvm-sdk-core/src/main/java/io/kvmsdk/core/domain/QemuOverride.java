package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** {@code <qemu:override>}: overrides of QEMU device properties (unsupported, tainting). */
@Value.Immutable
public abstract class QemuOverride {
  /** Namespace declarations on this element, prefix to URI. */
  public abstract Map<String, String> namespaces();
  /** The {@code <qemu:device>} children, in order. */
  public abstract List<QemuOverrideDevice> devices();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public QemuOverride copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link QemuOverride}. */
  public static class Builder extends ImmutableQemuOverride.Builder {}
}
