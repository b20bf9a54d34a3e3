package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** {@code <qemu:commandline>}: extra QEMU arguments and environment (unsupported by libvirt, tainting). */
@Value.Immutable
public abstract class QemuCommandline {
  /** Namespace declarations on this element, prefix to URI. */
  public abstract Map<String, String> namespaces();
  /** The {@code value} attributes of the {@code <qemu:arg>} children, in order. */
  public abstract List<String> args();
  /** The {@code <qemu:env>} children, in order. */
  public abstract List<QemuCommandlineEnv> envs();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** The extra arguments {@code args}. */
  public static QemuCommandline of(String... args) { return builder().args(java.util.List.of(args)).build(); }

  /** Derives a changed copy. */
  public QemuCommandline copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link QemuCommandline}. */
  public static class Builder extends ImmutableQemuCommandline.Builder {}
}
