package io.kvmsdk.core.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.Encryption;
import io.kvmsdk.core.common.SecretRef;
import io.kvmsdk.core.internal.storage.StorageCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A libvirt storage volume definition ({@code <volume>}): typed, immutable and lossless. Whatever a
 * parsed document carries that no typed field covers is kept verbatim, re-emitted by {@link #toXml()}
 * and listed by {@link #unmodeledPaths()}. Sizes keep the unit they were written with.
 *
 * <pre>{@code
 * StorageVolumeSpec root = StorageVolumeSpec.qcow2("web1.qcow2", Size.gib(20)).lazyRefcounts();
 * StorageVolumeSpec overlay = StorageVolumeSpec.qcow2("web2.qcow2", Size.gib(20))
 *     .backingStore("/var/lib/libvirt/images/base.qcow2", "qcow2");
 * StorageVolumeSpec secret = StorageVolumeSpec.raw("data.img", Size.gib(5)).luks("f52a81b2-424e-490c-823d-6bd4235bc572");
 * }</pre>
 *
 * <p>Building or parsing checks the rules libvirt applies when it parses a volume (type, sizes and
 * units, permissions, encryption, compat, features) and throws {@link InvalidSpecException} naming
 * the field. Rules that depend on the call or on the pool are checked by {@link #validate()},
 * {@link #validateFor(StoragePoolSpec)} and {@link #validateForCreateFrom()}.
 */
@Value.Immutable
public abstract class StorageVolumeSpec {
  /** The volume types libvirt parses (output only: libvirt sets it). */
  public static final Set<String> TYPES = Set.of("file", "block", "dir", "network", "netdir", "ploop");

  /** {@code type}: file, block, dir, network, netdir or ploop (output only). */
  public abstract Optional<String> type();

  /** The volume's name, unique in its pool. */
  public abstract String name();

  /** {@code <key>}: the volume's unique key (output only: libvirt generates it). */
  public abstract Optional<String> key();

  /** {@code <source>} (output only). */
  public abstract Optional<VolumeSource> source();

  /** {@code <capacity>}: the logical size; required by {@code vol-create}. */
  public abstract Optional<Size> capacity();

  /** {@code <allocation>}: space to allocate up front (sparse when smaller than the capacity). */
  public abstract Optional<Size> allocation();

  /** {@code <physical>}: the size on the host (output only). */
  public abstract Optional<Size> physical();

  /** {@code <target>}: format, permissions, encryption, qcow2 options. */
  public abstract Optional<VolumeTarget> target();

  /** {@code <backingStore>}: the image this copy-on-write volume is layered on. */
  public abstract Optional<VolumeBackingStore> backingStore();

  /** What {@code <volume>} itself carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  // ------------------------------------------------------------------ the shapes the storage module compiles to

  /** A qcow2 volume of {@code capacity}, compat 1.1 (see {@link #lazyRefcounts()}). */
  public static StorageVolumeSpec qcow2(String name, Size capacity) {
    return builder().name(name).capacity(capacity).target(VolumeTarget.builder().format("qcow2").compat("1.1").build()).build();
  }

  /** A raw volume of {@code capacity}. */
  public static StorageVolumeSpec raw(String name, Size capacity) {
    return of(name, capacity, "raw");
  }

  /** A volume of {@code capacity} in format {@code format} (the pool's default format when null). */
  public static StorageVolumeSpec of(String name, Size capacity, String format) {
    Builder b = builder().name(name).capacity(capacity);
    if (format != null) b.target(VolumeTarget.builder().format(format).build());
    return b.build();
  }

  // ------------------------------------------------------------------ withers

  /** A copy with qcow2 lazy refcounts ({@code <features><lazy_refcounts/>}; compat 1.1 is implied). */
  public StorageVolumeSpec lazyRefcounts() {
    return withTarget(t -> t.features(t.build().features().orElse(VolumeFeatures.builder().build()).copy(f -> f.lazyRefcounts(true))));
  }

  /** A copy allocating {@code allocation} up front (0 for a sparse volume). */
  public StorageVolumeSpec allocation(Size allocation) { return copy(b -> b.allocation(allocation)); }

  /** A copy layered on the image at {@code path} in format {@code format}. */
  public StorageVolumeSpec backingStore(String path, String format) { return copy(b -> b.backingStore(VolumeBackingStore.of(path, format))); }

  /** A copy encrypted with LUKS, the passphrase in the libvirt secret of UUID {@code secretUuid}. */
  public StorageVolumeSpec luks(String secretUuid) {
    return encryption(Encryption.builder().format("luks").addSecret(SecretRef.uuid("passphrase", secretUuid)).build());
  }

  /** A copy encrypted as {@code encryption} describes. */
  public StorageVolumeSpec encryption(Encryption encryption) { return withTarget(t -> t.encryption(encryption)); }

  /** A copy whose target has permissions {@code permissions}. */
  public StorageVolumeSpec permissions(StoragePermissions permissions) { return withTarget(t -> t.permissions(permissions)); }

  /** A copy with the target changed by {@code change}. */
  public StorageVolumeSpec withTarget(Consumer<VolumeTarget.Builder> change) {
    VolumeTarget.Builder t = VolumeTarget.builder();
    target().ifPresent(t::from);
    change.accept(t);
    VolumeTarget built = t.build();
    return copy(b -> b.target(built));
  }

  // ------------------------------------------------------------------ derived values

  /** The target format, when set. */
  public Optional<String> format() { return target().flatMap(VolumeTarget::format); }

  // ------------------------------------------------------------------ libvirt's rules

  /** Image formats of file-based pools (dir, fs, netfs, gluster, vstorage, rbd). */
  static final List<String> FILE_FORMATS = List.of("raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd",
      "ploop", "cow", "qcow", "qcow2", "qed", "vmdk");
  /** Partition types of disk pools. */
  static final List<String> DISK_FORMATS = List.of("none", "linux", "fat16", "fat32", "linux-swap", "linux-lvm", "linux-raid", "extended");
  private static final Set<String> FILE_POOLS = Set.of("dir", "fs", "netfs", "gluster", "vstorage", "rbd");

  /** The volume formats libvirt accepts in a pool of type {@code poolType}; empty when that pool ignores the format. */
  public static List<String> volumeFormats(String poolType) {
    if (FILE_POOLS.contains(poolType)) return FILE_FORMATS;
    if (poolType.equals("disk")) return DISK_FORMATS;
    return List.of();
  }

  @Value.Check protected void check() {
    // libvirt: virStorageVolDefParseXML (vol-create, vol-create-from)
    if (type().isPresent() && !TYPES.contains(type().get())) {
      throw new InvalidSpecException("volume/@type", "must be one of " + TYPES.stream().sorted().toList() + ", got '" + type().get() + "'");
    }
    if (name().isEmpty()) throw new InvalidSpecException("volume/name", "must not be empty");
    if (backingStore().flatMap(VolumeBackingStore::path).isPresent()) {
      backingStore().get().permissions().ifPresent(p -> p.checkAsLibvirtParses("volume/backingStore/permissions"));
    }
  }

  /**
   * Checks what {@code vol-create} needs beyond the parse rules, so that a handle can refuse a spec
   * before any XML reaches libvirt: a {@code <capacity>}, and, for an encrypted volume, exactly one
   * passphrase secret (libvirt's file backends). Throws {@link InvalidSpecException} naming the field.
   */
  public void validate() {
    if (capacity().isEmpty()) throw new InvalidSpecException("volume/capacity", "is required to create a volume (vol-create)");
    validateForCreateFrom();
  }

  /** Like {@link #validate()} for {@code vol-create-from} (cloning), which takes the capacity from the source volume. */
  public void validateForCreateFrom() {
    Optional<Encryption> enc = target().flatMap(VolumeTarget::encryption);
    if (enc.isPresent() && enc.get().secrets().size() != 1) {
      throw new InvalidSpecException("volume/target/encryption/secret", "exactly one passphrase secret is needed to create an encrypted volume, got " + enc.get().secrets().size());
    }
  }

  /**
   * {@link #validate()} plus the rules that depend on the pool the volume is created in: the target
   * and backing store formats must be formats of that pool type (libvirt checks them when it parses
   * the volume against its pool).
   */
  public void validateFor(StoragePoolSpec pool) {
    validate();
    List<String> formats = volumeFormats(pool.type().orElse(""));
    if (formats.isEmpty()) return;
    String t = pool.type().get();
    format().filter(f -> !formats.contains(f)).ifPresent(f -> {
      throw new InvalidSpecException("volume/target/format/@type", "must be one of " + formats + " in a " + t + " pool, got '" + f + "'");
    });
    backingStore().filter(b -> b.path().isPresent()).flatMap(VolumeBackingStore::format).filter(f -> !formats.contains(f)).ifPresent(f -> {
      throw new InvalidSpecException("volume/backingStore/format/@type", "must be one of " + formats + " in a " + t + " pool, got '" + f + "'");
    });
  }

  // ------------------------------------------------------------------ front door

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's {@code <volume>} XML; throws {@link InvalidSpecException} naming the field and the rule. */
  public static StorageVolumeSpec fromXml(String xml) { return StorageCodecs.storageVolumeSpecDocument().parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return StorageCodecs.storageVolumeSpecDocument().render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return StorageCodecs.storageVolumeSpecDocument().unmodeledPaths(this); }

  /** Derives a changed copy; this one stays as it is. */
  public StorageVolumeSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The XML, with secrets masked. */
  @Override public String toString() { return StorageCodecs.storageVolumeSpecDocument().renderRedacted(this); }

  /** Builds a {@link StorageVolumeSpec}; {@code build()} checks libvirt's parse-time rules. */
  public static class Builder extends ImmutableStorageVolumeSpec.Builder {
    @Override public StorageVolumeSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("[name]")) throw new InvalidSpecException("volume/name", "is required", e);
        throw new InvalidSpecException("volume", m, e);
      }
    }
  }
}
