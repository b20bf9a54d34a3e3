package io.kvmsdk.core.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.Auth;
import io.kvmsdk.core.common.SecretRef;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.internal.storage.StorageCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A libvirt storage pool definition ({@code <pool>}): typed, immutable and lossless. Whatever a parsed
 * document carries that no typed field covers is kept verbatim, re-emitted by {@link #toXml()} and
 * listed by {@link #unmodeledPaths()}.
 *
 * <pre>{@code
 * StoragePoolSpec images = StoragePoolSpec.dir("images", "/var/lib/libvirt/images");
 * StoragePoolSpec lun = StoragePoolSpec.iscsiDirect("san", SourceHost.of("192.0.2.10", 3260),
 *         "iqn.2013-06.com.example:pool", "iqn.2013-06.com.example:host1")
 *     .chap("admin", "iscsi-chap-secret");
 * StoragePoolSpec ceph = StoragePoolSpec.rbd("ceph", "rbd", SourceHost.of("mon1", 6789), SourceHost.of("mon2", 6789))
 *     .cephx("libvirt", "client.libvirt secret");
 * StoragePoolSpec nfs = StoragePoolSpec.netfs("nfs", "nas", "/export/vms", "/mnt/vms").nfs("4.1").mountOptions("noatime");
 * }</pre>
 *
 * <p>Building or parsing checks the rules libvirt applies when it parses a pool for {@code pool-define}
 * (the required source parts of each pool type, the target path, formats, auth, adapter, permissions,
 * ...) and throws {@link InvalidSpecException} naming the field. Rules libvirt applies only later
 * ({@code pool-build}, {@code pool-start}) are checked by {@link #validate()}.
 */
@Value.Immutable
public abstract class StoragePoolSpec {
  /** The namespace of {@code <fs:mount_opts>}. */
  public static final String FS_NAMESPACE = "http://libvirt.org/schemas/storagepool/fs/1.0";

  /** The namespace of {@code <rbd:config_opts>}. */
  public static final String RBD_NAMESPACE = "http://libvirt.org/schemas/storagepool/rbd/1.0";

  /** The pool types libvirt 9.0 parses ({@code sheepdog} is parsed but has no backend any more). */
  public static final Set<String> TYPES = Set.of("dir", "fs", "netfs", "logical", "disk", "iscsi", "iscsi-direct",
      "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage");

  /** Namespace declarations on {@code <pool>}, prefix to URI ({@code fs} and {@code rbd} are implied by their elements). */
  public abstract Map<String, String> namespaces();

  /** The pool type: one of {@link #TYPES} ({@code dir}, {@code netfs}, {@code logical}, {@code iscsi-direct}, {@code rbd}, ...). */
  public abstract Optional<String> type();

  /** The pool's name, unique on the host. */
  public abstract String name();

  /**
   * False when the document had no {@code <name>}: libvirt then names a logical, rbd, sheepdog, gluster,
   * zfs or vstorage pool after {@code <source><name>}, and this spec renders without {@code <name>}.
   */
  @Value.Default public boolean isNameWritten() { return true; }

  public abstract Optional<String> uuid();

  /** {@code <capacity>}: total size (output only; ignored by libvirt on input). */
  public abstract Optional<Size> capacity();

  /** {@code <allocation>}: space in use (output only). */
  public abstract Optional<Size> allocation();

  /** {@code <available>}: free space (output only). */
  public abstract Optional<Size> available();

  /** {@code <features>}. */
  public abstract Optional<PoolFeatures> features();

  /** {@code <source>}: where the storage comes from. */
  public abstract Optional<PoolSource> source();

  /** {@code <target>}: where the pool appears on the host (not for rbd, gluster, iscsi-direct, sheepdog). */
  public abstract Optional<PoolTarget> target();

  /** {@code <refresh>} (rbd). */
  public abstract Optional<PoolRefresh> refresh();

  /** {@code <fs:mount_opts>}: extra mount options of an fs or netfs pool. */
  public abstract Optional<PoolMountOptions> mountOptions();

  /** {@code <rbd:config_opts>}: RADOS option overrides of an rbd pool. */
  public abstract Optional<PoolRbdConfigOptions> rbdConfigOptions();

  /** What {@code <pool>} itself carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  // ------------------------------------------------------------------ the shapes the storage module compiles to

  /** A directory pool: volumes are files in {@code path}. */
  public static StoragePoolSpec dir(String name, String path) {
    return builder().type("dir").name(name).target(PoolTarget.of(path)).build();
  }

  /** A filesystem pool: block device {@code device} with filesystem {@code format} (ext4, xfs, auto ...) mounted on {@code path}. */
  public static StoragePoolSpec fs(String name, String device, String format, String path) {
    return builder().type("fs").name(name)
        .source(PoolSource.builder().addDevice(PoolSourceDevice.of(device)).format(format).build())
        .target(PoolTarget.of(path)).build();
  }

  /** A network filesystem pool: {@code host:exportDir} mounted on {@code path} (format auto; see {@link #nfs(String)}). */
  public static StoragePoolSpec netfs(String name, String host, String exportDir, String path) {
    return builder().type("netfs").name(name)
        .source(PoolSource.builder().addHost(SourceHost.of(host)).dir(exportDir).build())
        .target(PoolTarget.of(path)).build();
  }

  /** An LVM volume group {@code vgName} (on physical volumes {@code devices}, used by pool-build); volumes appear in {@code /dev/<vgName>}. */
  public static StoragePoolSpec logical(String name, String vgName, String... devices) {
    PoolSource.Builder s = PoolSource.builder().name(vgName).format("lvm2");
    for (String d : devices) s.addDevice(PoolSourceDevice.of(d));
    return builder().type("logical").name(name).source(s.build()).target(PoolTarget.of("/dev/" + vgName)).build();
  }

  /** A ZFS pool {@code zpool} (created on {@code devices} by pool-build). */
  public static StoragePoolSpec zfs(String name, String zpool, String... devices) {
    PoolSource.Builder s = PoolSource.builder().name(zpool);
    for (String d : devices) s.addDevice(PoolSourceDevice.of(d));
    return builder().type("zfs").name(name).source(s.build()).build();
  }

  /** A Gluster volume {@code volume} on {@code host}, optionally below directory {@code dir} (null for the root). */
  public static StoragePoolSpec gluster(String name, String host, String volume, String dir) {
    PoolSource.Builder s = PoolSource.builder().addHost(SourceHost.of(host)).name(volume);
    if (dir != null) s.dir(dir);
    return builder().type("gluster").name(name).source(s.build()).build();
  }

  /** An iSCSI pool logged in by the host's initiator: target {@code targetIqn} on {@code portal}, LUNs under {@code /dev/disk/by-path}. */
  public static StoragePoolSpec iscsi(String name, SourceHost portal, String targetIqn) {
    return builder().type("iscsi").name(name)
        .source(PoolSource.builder().addHost(portal).addDevice(PoolSourceDevice.of(targetIqn)).build())
        .target(PoolTarget.of("/dev/disk/by-path")).build();
  }

  /** An iSCSI pool reached by libvirt's own initiator (libiscsi) as {@code initiatorIqn}: target {@code targetIqn} on {@code portal}. */
  public static StoragePoolSpec iscsiDirect(String name, SourceHost portal, String targetIqn, String initiatorIqn) {
    return builder().type("iscsi-direct").name(name)
        .source(PoolSource.builder().addHost(portal).addDevice(PoolSourceDevice.of(targetIqn))
            .initiator(PoolSourceInitiator.of(initiatorIqn)).build())
        .build();
  }

  /** A Ceph RBD pool {@code rbdPool} reached through {@code monitors}. */
  public static StoragePoolSpec rbd(String name, String rbdPool, SourceHost... monitors) {
    return builder().type("rbd").name(name)
        .source(PoolSource.builder().hosts(Arrays.asList(monitors)).name(rbdPool).build()).build();
  }

  // ------------------------------------------------------------------ withers

  /** A copy whose source authenticates with CHAP as {@code username}, the password in the libvirt secret of usage {@code secretUsage}. */
  public StoragePoolSpec chap(String username, String secretUsage) { return withAuth("chap", username, SecretRef.builder().usage(secretUsage).build()); }

  /** A copy whose source authenticates with cephx as {@code username}, the key in the libvirt secret of usage {@code secretUsage}. */
  public StoragePoolSpec cephx(String username, String secretUsage) { return withAuth("ceph", username, SecretRef.builder().usage(secretUsage).build()); }

  /** A copy whose source authenticates as {@code username} ({@code type} chap or ceph) with the libvirt secret of UUID {@code secretUuid}. */
  public StoragePoolSpec authBySecretUuid(String type, String username, String secretUuid) {
    return withAuth(type, username, SecretRef.builder().uuid(secretUuid).build());
  }

  private StoragePoolSpec withAuth(String type, String username, SecretRef secret) {
    return withSource(s -> s.auth(Auth.builder().type(type).username(username).secret(secret).build()));
  }

  /** A copy of this netfs pool mounting with NFS ({@code <format type='nfs'/>}) protocol version {@code version} ({@code 3}, {@code 4.1}). */
  public StoragePoolSpec nfs(String version) { return withSource(s -> s.format("nfs").protocolVer(version)); }

  /** A copy with the extra mount options {@code options} ({@code <fs:mount_opts>}; fs and netfs pools). */
  public StoragePoolSpec mountOptions(String... options) { return copy(b -> b.mountOptions(PoolMountOptions.of(options))); }

  /** A copy whose target has permissions {@code permissions}. */
  public StoragePoolSpec permissions(StoragePermissions permissions) {
    return copy(b -> b.target(target().orElse(PoolTarget.builder().build()).copy(t -> t.permissions(permissions))));
  }

  /** A copy with the source changed by {@code change}. */
  public StoragePoolSpec withSource(Consumer<PoolSource.Builder> change) {
    PoolSource.Builder s = PoolSource.builder();
    source().ifPresent(s::from);
    change.accept(s);
    PoolSource built = s.build();
    return copy(b -> b.source(built));
  }

  // ------------------------------------------------------------------ derived values

  /** The source hosts (monitors, portals, servers); empty without a source. */
  public List<SourceHost> hosts() { return source().map(PoolSource::hosts).orElse(List.of()); }

  /** The target path, when set. */
  public Optional<String> targetPath() { return target().flatMap(PoolTarget::path); }

  // ------------------------------------------------------------------ libvirt's rules

  private static final Set<String> SOURCE_NAMED = Set.of("logical", "rbd", "sheepdog", "gluster", "zfs", "vstorage");
  private static final Set<String> NEEDS_HOST = Set.of("netfs", "iscsi", "iscsi-direct", "rbd", "sheepdog", "gluster");
  private static final Set<String> NETWORK = Set.of("iscsi-direct", "rbd", "sheepdog", "gluster");
  private static final Map<String, List<String>> FORMATS = Map.of(
      "fs", List.of("auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf", "gfs", "gfs2", "vfat", "hfs+", "xfs", "ocfs2", "vmfs"),
      "netfs", List.of("auto", "nfs", "glusterfs", "cifs"),
      "disk", List.of("unknown", "dos", "dvh", "gpt", "mac", "bsd", "pc98", "sun", "lvm2"),
      "logical", List.of("unknown", "lvm2"));
  private static final Map<String, String> DEFAULT_FORMAT = Map.of("fs", "auto", "netfs", "auto", "disk", "unknown", "logical", "lvm2");

  /** The source formats libvirt knows for pool type {@code type}; empty for types without a source format. */
  public static List<String> sourceFormats(String type) { return FORMATS.getOrDefault(type, List.of()); }

  @Value.Check protected void check() {
    // libvirt: virStoragePoolDefParseXML / virStoragePoolDefParseSource (pool-define, pool-create)
    if (type().isEmpty()) throw new InvalidSpecException("pool/@type", "is required: one of " + sorted(TYPES));
    String type = type().get();
    if (!TYPES.contains(type)) throw new InvalidSpecException("pool/@type", "must be one of " + sorted(TYPES) + ", got '" + type + "'");
    Optional<PoolSource> src = source();
    Optional<String> srcName = src.flatMap(PoolSource::name);
    if (!isNameWritten() && !SOURCE_NAMED.contains(type)) {
      throw new InvalidSpecException("pool/name", "is required (only " + sorted(SOURCE_NAMED) + " pools take the name of <source><name>)");
    }
    if (!isNameWritten() && !srcName.filter(name()::equals).isPresent()) {
      throw new InvalidSpecException("pool/name", "a pool written without <name> is named after <source><name> ('"
          + srcName.orElse("") + "'), not '" + name() + "': write the name (isNameWritten(true))");
    }
    if (name().isEmpty()) throw new InvalidSpecException("pool/name", "must not be empty");
    if (name().contains("/")) throw new InvalidSpecException("pool/name", "must not contain '/', got '" + name() + "'");
    if (uuid().isPresent() && !Uuids.valid(uuid().get())) throw new InvalidSpecException("pool/uuid", "must be a UUID, got '" + uuid().get() + "'");
    if (features().flatMap(PoolFeatures::cow).isPresent() && !type.equals("dir") && !type.equals("fs")) {
      throw new InvalidSpecException("pool/features/cow", "may only be used for 'fs' and 'dir' pools, not '" + type + "'");
    }
    if (src.isPresent()) checkSource(type, src.get());
    if (NEEDS_HOST.contains(type) && src.map(PoolSource::hostCount).orElse(0) == 0) {
      throw new InvalidSpecException("pool/source/host", "a " + type + " pool needs at least one source host");
    }
    if (type.equals("netfs") && src.flatMap(PoolSource::dir).isEmpty()) {
      throw new InvalidSpecException("pool/source/dir", "a netfs pool needs the source directory <dir path=...>");
    }
    if (type.equals("scsi")) {
      if (src.flatMap(PoolSource::adapter).isEmpty()) throw new InvalidSpecException("pool/source/adapter", "a scsi pool needs a source adapter");
      src.get().adapter().get().checkForScsiPool("pool/source/adapter");
    }
    if ((type.equals("fs") || type.equals("disk")) && src.map(s -> s.devices().size()).orElse(0) == 0) {
      throw new InvalidSpecException("pool/source/device", "a " + type + " pool needs a source device");
    }
    if (!NETWORK.contains(type)) {
      if (!type.equals("logical") && !type.equals("zfs") && targetPath().isEmpty()) {
        throw new InvalidSpecException("pool/target/path", "a " + type + " pool needs a target path");
      }
      target().flatMap(PoolTarget::permissions).ifPresent(p -> p.checkAsLibvirtParses("pool/target/permissions"));
    }
    if (type.equals("iscsi-direct") && src.flatMap(PoolSource::initiatorIqn).isEmpty()) {
      throw new InvalidSpecException("pool/source/initiator/iqn", "an iscsi-direct pool needs the initiator IQN");
    }
    Optional<String> alloc = refresh().flatMap(PoolRefresh::volume).flatMap(PoolRefreshVolume::allocation);
    if (alloc.isPresent() && !alloc.get().equals("default") && !alloc.get().equals("capacity")) {
      throw new InvalidSpecException("pool/refresh/volume/@allocation", "must be 'default' or 'capacity', got '" + alloc.get() + "'");
    }
    // the fs and rbd backends' namespace parsers (the test driver registers none and ignores both)
    if ((type.equals("fs") || type.equals("netfs")) && mountOptions().map(m -> m.unmodeled().elements().stream()
        .anyMatch(e -> e.element().name().endsWith("option") && e.element().attr("name") == null)).orElse(false)) {
      throw new InvalidSpecException("pool/fs:mount_opts/fs:option/@name", "is required (libvirt: no fs mount option name specified)");
    }
    if (type.equals("rbd") && rbdConfigOptions().isPresent()) {
      for (PoolRbdConfigOption o : rbdConfigOptions().get().options()) {
        if (o.name().isEmpty()) throw new InvalidSpecException("pool/rbd:config_opts/rbd:option/@name", "is required");
        if (o.value().isEmpty()) throw new InvalidSpecException("pool/rbd:config_opts/rbd:option/@value", "is required (option '" + o.name().get() + "')");
      }
    }
  }

  private static void checkSource(String type, PoolSource s) {
    if (type.equals("rbd") && s.name().isEmpty()) throw new InvalidSpecException("pool/source/name", "is mandatory for an rbd pool");
    List<String> formats = sourceFormats(type);
    if (!formats.isEmpty() && s.format().isPresent() && !formats.contains(s.format().get())) {
      throw new InvalidSpecException("pool/source/format/@type", "must be one of " + formats + " for a " + type + " pool, got '" + s.format().get() + "'");
    }
    if (s.protocolVer().isPresent() && !formats.isEmpty()) {
      // libvirt compares the format's position with netfs' auto (0) and nfs (1)
      int at = formats.indexOf(s.format().orElse(DEFAULT_FORMAT.get(type)));
      if (at > 1) {
        throw new InvalidSpecException("pool/source/protocol/@ver", "needs source format 'nfs' or 'auto', got '" + s.format().orElse("") + "'");
      }
    }
  }

  private static List<String> sorted(Set<String> s) { return s.stream().sorted().toList(); }

  /**
   * Checks the rules libvirt applies only after the definition is accepted — when the pool is built or
   * started — so that a handle can refuse a spec before any XML reaches libvirt. Throws
   * {@link InvalidSpecException} naming the field: the target path must be absolute ({@code pool-build});
   * an iscsi or iscsi-direct pool needs its target IQN ({@code <device path>}) and authenticates with
   * CHAP only, an rbd pool with cephx only ({@code pool-start}); host ports are 0-65535.
   */
  public void validate() {
    String type = type().get();
    if (!NETWORK.contains(type) && !type.equals("logical") && !type.equals("zfs")) {
      targetPath().filter(p -> !p.startsWith("/"))
          .ifPresent(p -> { throw new InvalidSpecException("pool/target/path", "must be an absolute path, got '" + p + "'"); });
    }
    source().ifPresent(s -> s.unmodeled().elements().stream().filter(e -> e.element().name().equals("host")).findFirst()
        .ifPresent(e -> { throw new InvalidSpecException("pool/source/host/@port", "must be a TCP port 0-65535, got '" + e.element().attr("port") + "'"); }));
    if ((type.equals("iscsi") || type.equals("iscsi-direct")) && source().map(s -> s.devices().isEmpty()).orElse(true)) {
      throw new InvalidSpecException("pool/source/device", "an " + type + " pool needs the target IQN (<device path=...>) to start");
    }
    Optional<String> auth = source().flatMap(PoolSource::auth).flatMap(Auth::type);
    if (auth.isPresent() && (type.equals("iscsi") || type.equals("iscsi-direct")) && !auth.get().equals("chap")) {
      throw new InvalidSpecException("pool/source/auth/@type", "an " + type + " pool only supports 'chap' auth, got '" + auth.get() + "'");
    }
    if (auth.isPresent() && type.equals("rbd") && !auth.get().equals("ceph")) {
      throw new InvalidSpecException("pool/source/auth/@type", "an rbd pool only supports 'ceph' auth, got '" + auth.get() + "'");
    }
  }

  // ------------------------------------------------------------------ front door

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's {@code <pool>} XML; throws {@link InvalidSpecException} naming the field and the rule. */
  public static StoragePoolSpec fromXml(String xml) { return StorageCodecs.storagePoolSpecDocument().parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return StorageCodecs.storagePoolSpecDocument().render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return StorageCodecs.storagePoolSpecDocument().unmodeledPaths(this); }

  /** Derives a changed copy; this one stays as it is. */
  public StoragePoolSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The XML, with secrets masked. */
  @Override public String toString() { return StorageCodecs.storagePoolSpecDocument().renderRedacted(this); }

  /** Builds a {@link StoragePoolSpec}; {@code build()} checks libvirt's define-time rules. */
  public static class Builder extends ImmutableStoragePoolSpec.Builder {
    @Override public StoragePoolSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("[name]")) throw new InvalidSpecException("pool/name", "is required", e);
        throw new InvalidSpecException("pool", m, e);
      }
    }
  }
}
