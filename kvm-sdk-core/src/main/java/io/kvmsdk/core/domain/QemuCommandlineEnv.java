package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <qemu:env>}: an environment variable for the QEMU process. */
@Value.Immutable
public abstract class QemuCommandlineEnv {
  /** The {@code name} attribute. */
  public abstract Optional<String> name();
  /** The {@code value} attribute. */
  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Variable {@code name} set to {@code value}. */
  public static QemuCommandlineEnv of(String name, String value) { return builder().name(name).value(value).build(); }

  /** Derives a changed copy. */
  public QemuCommandlineEnv copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link QemuCommandlineEnv}. */
  public static class Builder extends ImmutableQemuCommandlineEnv.Builder {}
}
