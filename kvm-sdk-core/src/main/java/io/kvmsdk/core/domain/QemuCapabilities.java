package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** {@code <qemu:capabilities>}: QEMU capabilities libvirt should assume present or absent (unsupported, tainting). */
@Value.Immutable
public abstract class QemuCapabilities {
  /** Namespace declarations on this element, prefix to URI. */
  public abstract Map<String, String> namespaces();
  /** The {@code capability} attributes of the {@code <qemu:add>} children, in order. */
  public abstract List<String> adds();
  /** The {@code capability} attributes of the {@code <qemu:del>} children, in order. */
  public abstract List<String> dels();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public QemuCapabilities copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link QemuCapabilities}. */
  public static class Builder extends ImmutableQemuCapabilities.Builder {}
}
