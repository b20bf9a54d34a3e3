package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cipher>} in {@code <keywrap>}: an s390 key wrapping cipher on or off. */
@Value.Immutable
public abstract class KeyWrapCipher {
  /** {@code aes} or {@code dea}. */
  public abstract Optional<String> name();
  /** The {@code state} attribute. */
  public abstract Optional<Boolean> state();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public KeyWrapCipher copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link KeyWrapCipher}. */
  public static class Builder extends ImmutableKeyWrapCipher.Builder {}
}
