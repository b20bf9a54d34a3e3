package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <keywrap>}: s390 cryptographic key wrapping. */
@Value.Immutable
public abstract class KeyWrap {
  /** The {@code <cipher>} children, in order. */
  public abstract List<KeyWrapCipher> ciphers();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public KeyWrap copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link KeyWrap}. */
  public static class Builder extends ImmutableKeyWrap.Builder {}
}
