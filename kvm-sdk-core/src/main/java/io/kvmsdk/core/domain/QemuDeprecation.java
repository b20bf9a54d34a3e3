package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <qemu:deprecation>}: what QEMU does with deprecated features. */
@Value.Immutable
public abstract class QemuDeprecation {
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
