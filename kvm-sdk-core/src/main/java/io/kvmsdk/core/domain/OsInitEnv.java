package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <initenv>}: an environment variable for a container's init process. */
@Value.Immutable
public abstract class OsInitEnv {
  /** The {@code name} attribute. */
  public abstract Optional<String> name();
  /** The element's text. */
  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Variable {@code name} set to {@code value}. */
  public static OsInitEnv of(String name, String value) { return builder().name(name).value(value).build(); }

  /** Derives a changed copy. */
  public OsInitEnv copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsInitEnv}. */
  public static class Builder extends ImmutableOsInitEnv.Builder {}
}
