package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <qemu:property>}: a QEMU device property to override. */
@Value.Immutable
public abstract class QemuOverrideProperty {
  /** The {@code name} attribute. */
  public abstract Optional<String> name();
  /** {@code string}, {@code signed}, {@code unsigned}, {@code bool} or {@code remove}. */
  public abstract Optional<String> type();
  /** The {@code value} attribute. */
  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public QemuOverrideProperty copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link QemuOverrideProperty}. */
  public static class Builder extends ImmutableQemuOverrideProperty.Builder {}
}
