package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <encryption>} of a disk image: format, engine and the passphrase secret. */
@Value.Immutable
public abstract class Encryption {
  /** {@code luks}, {@code luks2}, {@code qcow} or {@code default}. */
  public abstract Optional<String> format();

  /** Who decrypts: {@code qemu} or {@code librbd}. */
  public abstract Optional<String> engine();

  /** {@code <secret>}: the passphrase secret. */
  public abstract List<SecretRef> secrets();

  /** {@code <cipher>}: the cipher used when the image was created. */
  public abstract Optional<EncryptionCipher> cipher();

  /** {@code <ivgen>}: the initialization vector generator. */
  public abstract Optional<EncryptionIvgen> ivgen();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Encryption copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Encryption}. */
  public static class Builder extends ImmutableEncryption.Builder {}
}
