package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <encryption>} of a disk image: format, engine and the passphrase secret. */
@Value.Immutable
public abstract class DiskEncryption {
  /** {@code luks}, {@code luks2}, {@code qcow} or {@code default}. */
  public abstract Optional<String> format();

  /** Who decrypts: {@code qemu} or {@code librbd}. */
  public abstract Optional<String> engine();

  /** {@code <secret>}: the passphrase secret. */
  public abstract List<DiskSecret> secrets();

  /** {@code <cipher>}: the cipher used when the image was created. */
  public abstract Optional<DiskEncryptionCipher> cipher();

  /** {@code <ivgen>}: the initialization vector generator. */
  public abstract Optional<DiskEncryptionIvgen> ivgen();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskEncryption copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskEncryption}. */
  public static class Builder extends ImmutableDiskEncryption.Builder {}
}
