package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cipher>} of LUKS encryption. */
@Value.Immutable
public abstract class EncryptionCipher {
  /** Cipher name, such as {@code aes}. */
  public abstract Optional<String> name();

  /** Key size in bits. */
  public abstract Optional<Integer> size();

  /** Cipher mode, such as {@code xts}. */
  public abstract Optional<String> mode();

  /** Hash algorithm, such as {@code sha256}. */
  public abstract Optional<String> hash();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public EncryptionCipher copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link EncryptionCipher}. */
  public static class Builder extends ImmutableEncryptionCipher.Builder {}
}
