package io.kvmsdk.core.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.Encryption;
import io.kvmsdk.core.common.EncryptionCipher;
import io.kvmsdk.core.common.SecretRef;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** {@code <target>} of a volume: its path on the host, format, permissions, encryption and qcow2 options. */
@Value.Immutable
public abstract class VolumeTarget {
  /** {@code <path>}: where the volume is on the host (output only: libvirt chooses it). */
  public abstract Optional<String> path();

  /** {@code <format type>}: the image format ({@code raw}, {@code qcow2}, ...) or, in a disk pool, the partition type. */
  public abstract Optional<String> format();

  /** {@code <permissions>}: applied when the volume is created (file-based pools). */
  public abstract Optional<StoragePermissions> permissions();

  /** {@code <timestamps>} (output only). */
  public abstract Optional<VolumeTimestamps> timestamps();

  /** {@code <encryption>}: how the volume is encrypted, with the passphrase secret. */
  public abstract Optional<Encryption> encryption();

  /** {@code <compat>}: the qcow2 compatibility level, {@code 0.10} or {@code 1.1}. */
  public abstract Optional<String> compat();

  /** {@code <nocow/>}: turn copy-on-write off for the new file (btrfs). */
  @Value.Default public boolean nocow() { return false; }

  /** {@code <clusterSize>}: the qcow2 cluster size. */
  public abstract Optional<Size> clusterSize();

  /** {@code <features>}: qcow2 features ({@code lazy_refcounts}, {@code extended_l2}). */
  public abstract Optional<VolumeFeatures> features();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  private static final Set<String> ENCRYPTION_FORMATS = Set.of("default", "qcow", "luks", "luks2");

  @Value.Check protected void check() {
    // libvirt: virStorageVolDefParseXML, virStorageEncryptionParseNode, virStorageCheckCompat
    permissions().ifPresent(p -> p.checkAsLibvirtParses("permissions"));
    if (compat().isPresent() && !compat().get().matches("[0-9]+\\.[0-9]+")) {
      throw new InvalidSpecException("compat", "must be <major>.<minor> such as 0.10 or 1.1, got '" + compat().get() + "'");
    }
    if (encryption().isPresent()) checkEncryption(encryption().get());
  }

  private static void checkEncryption(Encryption e) {
    if (e.format().isEmpty()) throw new InvalidSpecException("encryption/@format", "is required: one of " + ENCRYPTION_FORMATS.stream().sorted().toList());
    if (!ENCRYPTION_FORMATS.contains(e.format().get())) {
      throw new InvalidSpecException("encryption/@format", "must be one of " + ENCRYPTION_FORMATS.stream().sorted().toList() + ", got '" + e.format().get() + "'");
    }
    if (e.engine().isPresent() && !e.engine().get().equals("qemu") && !e.engine().get().equals("librbd")) {
      throw new InvalidSpecException("encryption/@engine", "must be 'qemu' or 'librbd', got '" + e.engine().get() + "'");
    }
    for (SecretRef s : e.secrets()) {
      if (!s.type().filter("passphrase"::equals).isPresent()) {
        throw new InvalidSpecException("encryption/secret/@type", "must be 'passphrase', got '" + s.type().orElse("") + "'");
      }
      if (s.uuid().isEmpty() && s.usage().isEmpty()) throw new InvalidSpecException("encryption/secret", "needs a uuid or a usage attribute");
      if (s.uuid().isPresent() && !Uuids.valid(s.uuid().get())) throw new InvalidSpecException("encryption/secret/@uuid", "must be a UUID, got '" + s.uuid().get() + "'");
    }
    if (e.cipher().isPresent()) {
      EncryptionCipher c = e.cipher().get();
      if (c.name().isEmpty()) throw new InvalidSpecException("encryption/cipher/@name", "is required");
      if (c.size().isEmpty()) throw new InvalidSpecException("encryption/cipher/@size", "is required");
    }
    if (e.ivgen().isPresent()) {
      if (e.cipher().isEmpty()) throw new InvalidSpecException("encryption/ivgen", "needs a <cipher> as well");
      if (e.ivgen().get().name().isEmpty()) throw new InvalidSpecException("encryption/ivgen/@name", "is required");
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public VolumeTarget copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VolumeTarget}. */
  public static class Builder extends ImmutableVolumeTarget.Builder {}
}
