package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <qemu:deprecation>}: how QEMU handles deprecated features. */
@Value.Immutable
public abstract class QemuDeprecation {
  /** Namespace declarations on this element, prefix to URI. */
  public abstract Map<String, String> namespaces();
  /** {@code none}, {@code omit}, {@code reject} or {@code crash}. */
  public abstract Optional<String> behavior();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public QemuDeprecation copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link QemuDeprecation}. */
  public static class Builder extends ImmutableQemuDeprecation.Builder {}
}
