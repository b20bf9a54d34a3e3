package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * {@code <disk>}: a disk, CD-ROM, floppy or LUN of the guest.
 *
 * <pre>{@code
 * Disk root = Disk.file("/var/lib/libvirt/images/web1.qcow2").qcow2().virtio().target("vda").bootOrder(1);
 * Disk ceph = Disk.rbd("pool/image", Auth.ceph("admin", "ceph-client"), SourceHost.of("mon1", 6789)).raw().virtio().target("vdb");
 * Disk iso = Disk.cdrom("/iso/debian.iso").target("sda", "sata");
 * }</pre>
 * Building or parsing checks the rules libvirt enforces when the domain is defined (target name, bus per device,
 * boot order, iotune limits, network sources, ...) and throws {@link io.kvmsdk.core.InvalidSpecException} naming the field.
 */
@Value.Immutable
public abstract class Disk {
  /** Where the data comes from: {@code file}, {@code block}, {@code dir}, {@code network}, {@code volume}, {@code nvme}, {@code vhostuser}, {@code vhostvdpa}. */
  public abstract Optional<String> type();

  /** How the guest sees it: {@code disk} (default), {@code cdrom}, {@code floppy}, {@code lun}. */
  public abstract Optional<String> device();

  /** The virtio model ({@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}). */
  public abstract Optional<String> model();

  /** Whether a {@code lun} may issue raw I/O ({@code rawio='yes'}). */
  public abstract Optional<Boolean> rawio();

  /** SG_IO filtering of a {@code lun}: {@code filtered} or {@code unfiltered}. */
  public abstract Optional<String> sgio();

  /** Default snapshot mode of this disk: {@code internal}, {@code external}, {@code no}, {@code manual}. */
  public abstract Optional<String> snapshot();

  /** {@code <driver>}: hypervisor driver, image format, cache and I/O tuning. */
  public abstract Optional<DiskDriver> driver();

  /** {@code <auth>} written as a child of {@code <disk>} (older placement; new specs put it in the source). */
  public abstract Optional<Auth> auth();

  /** {@code <source>}: the image, device, pool volume or network export. */
  public abstract Optional<DiskSource> source();

  /** {@code <backingStore>}: the backing chain below the source. */
  public abstract Optional<DiskBackingStore> backingStore();

  /** {@code <backenddomain name=''/>}: the Xen driver domain hosting the backend. */
  public abstract Optional<String> backenddomain();

  /** {@code <geometry>}: BIOS geometry override. */
  public abstract Optional<DiskGeometry> geometry();

  /** {@code <blockio>}: block sizes reported to the guest. */
  public abstract Optional<DiskBlockIo> blockio();

  /** {@code <mirror>}: a running block copy or active commit (live XML). */
  public abstract Optional<DiskMirror> mirror();

  /** {@code <target>}: the device name and bus in the guest. */
  public abstract Optional<DiskTarget> target();

  /** {@code <iotune>}: I/O throttling. */
  public abstract Optional<DiskIoTune> iotune();

  /** {@code <readonly/>}: the guest cannot write. */
  @Value.Default public boolean isReadonly() { return false; }

  /** {@code <shareable/>}: the disk may be shared between domains. */
  @Value.Default public boolean isShareable() { return false; }

  /** {@code <transient/>}: changes are discarded when the guest stops. */
  public abstract Optional<DiskTransient> transientDisk();

  /** {@code <serial>}: the serial number reported to the guest. */
  public abstract Optional<String> serial();

  /** {@code <wwn>}: the World Wide Name (16 hex digits) of an IDE or SCSI disk. */
  public abstract Optional<String> wwn();

  /** {@code <vendor>}: the SCSI vendor (up to 8 printable characters). */
  public abstract Optional<String> vendor();

  /** {@code <product>}: the SCSI product (up to 16 printable characters). */
  public abstract Optional<String> product();

  /** {@code <encryption>} written as a child of {@code <disk>} (older placement). */
  public abstract Optional<Encryption> encryption();

  /** {@code <boot>}: boot order of this device. */
  public abstract Optional<DiskBoot> boot();

  /** {@code <alias name=''/>}: the device alias. */
  public abstract Optional<String> alias();

  /** {@code <acpi index=''/>}: the ACPI index the guest names the device by. */
  public abstract Optional<Integer> acpiIndex();

  /** {@code <address>}: where the device sits on its bus. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  static final Set<String> ROTATION_BUSES = Set.of("scsi", "ide", "sata");

  // The name rules below are checked by hand, not by regular expressions: they run for every disk of
  // every document, and compiling patterns was a share of a first document's time. DiskNameRulesTest
  // holds each against the pattern it stands for.

  /** {@code (ioemu:)?[a-z]+[a-z0-9]*}. */
  static boolean isTargetDev(String s) {
    int i = s.startsWith("ioemu:") ? 6 : 0;
    if (i >= s.length() || s.charAt(i) < 'a' || s.charAt(i) > 'z') return false;
    for (i++; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) return false;
    }
    return true;
  }

  /** {@code (fd|hd|vd|sd|xvd|ubd)[a-z]+[0-9]*} (libvirt's parser reads a partition number too); with {@code partition}, {@code [0-9]+}. */
  static boolean isKnownName(String s, boolean partition) {
    int i;
    if (s.startsWith("xvd") || s.startsWith("ubd")) i = 3;
    else if (s.startsWith("fd") || s.startsWith("hd") || s.startsWith("vd") || s.startsWith("sd")) i = 2;
    else return false;
    int letters = i;
    while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') i++;
    if (i == letters) return false;
    int digits = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    return i == s.length() && (!partition || i > digits);
  }

  /** {@code (0x)?[0-9a-fA-F]{16}}. */
  static boolean isWwn(String s) {
    int i = s.length() == 18 && s.startsWith("0x") ? 2 : 0;
    if (s.length() - i != 16) return false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ factories

  /** A disk backed by an image file: {@code <disk type='file' device='disk'><source file='...'/>}. */
  public static Disk file(String path) {
    return builder().type("file").device("disk").source(DiskSource.builder().file(path).build()).build();
  }

  /** A disk backed by a host block device: {@code <disk type='block' device='disk'><source dev='...'/>}. */
  public static Disk block(String dev) {
    return builder().type("block").device("disk").source(DiskSource.builder().dev(dev).build()).build();
  }

  /** A read-only CD-ROM holding the ISO image at {@code iso}. */
  public static Disk cdrom(String iso) {
    return builder().type("file").device("cdrom").source(DiskSource.builder().file(iso).build()).isReadonly(true).build();
  }

  /** An empty CD-ROM drive (no medium). */
  public static Disk cdrom() {
    return builder().type("file").device("cdrom").isReadonly(true).build();
  }

  /** A floppy drive holding the image at {@code path}, on the {@code fdc} bus. */
  public static Disk floppy(String path) {
    return builder().type("file").device("floppy").source(DiskSource.builder().file(path).build()).build();
  }

  /** A read-only virtual FAT disk showing the host directory {@code dir} ({@code type='dir'}, format {@code fat}). */
  public static Disk dir(String dir) {
    return builder().type("dir").device("disk").driver(DiskDriver.builder().name("qemu").type("fat").build())
        .source(DiskSource.builder().dir(dir).build()).isReadonly(true).build();
  }

  /** A vhost-user disk served by the daemon listening on UNIX socket {@code socket}. */
  public static Disk vhostuser(String socket) {
    return builder().type("vhostuser").device("disk").source(DiskSource.builder().type("unix").path(socket).build()).build();
  }

  /** A disk backed by volume {@code volume} of storage pool {@code pool}. */
  public static Disk volume(String pool, String volume) {
    return builder().type("volume").device("disk").source(DiskSource.builder().pool(pool).volume(volume).build()).build();
  }

  /** A network disk: {@code <disk type='network'><source protocol='...' name='...'><host .../></source>}. */
  public static Disk network(String protocol, String name, SourceHost... hosts) {
    DiskSource.Builder s = DiskSource.builder().protocol(protocol).hosts(Arrays.asList(hosts));
    if (name != null) s.name(name);
    return builder().type("network").device("disk").source(s.build()).build();
  }

  /** A Ceph RBD image {@code pool/image} on the given monitors, authenticated by {@code auth} (may be null). */
  public static Disk rbd(String poolAndImage, Auth auth, SourceHost... monitors) {
    Disk d = network("rbd", poolAndImage, monitors);
    return auth == null ? d : d.withSource(s -> s.auth(auth));
  }

  /** An iSCSI LUN {@code iqn/lun} on {@code portal}, reached by QEMU's own initiator. */
  public static Disk iscsi(String iqnAndLun, SourceHost portal) {
    return network("iscsi", iqnAndLun, portal);
  }

  /** An iSCSI LUN {@code iqn/lun} on {@code portal} with CHAP credentials. */
  public static Disk iscsi(String iqnAndLun, SourceHost portal, Auth chap) {
    return iscsi(iqnAndLun, portal).withSource(s -> s.auth(chap));
  }

  /** An NBD export ({@code exportName} may be null for the default export). */
  public static Disk nbd(String exportName, SourceHost server) {
    return network("nbd", exportName, server);
  }

  // ------------------------------------------------------------------ derived values

  /** The target device name ({@code vda}, {@code sdb}, ...), when set. */
  public Optional<String> targetDev() { return target().flatMap(DiskTarget::dev); }

  /** The target bus, when set. */
  public Optional<String> targetBus() { return target().flatMap(DiskTarget::bus); }

  /** The boot order, when set. */
  public Optional<Integer> bootOrder() { return boot().flatMap(DiskBoot::order); }

  /** The layers of the backing chain below the source, top first (an empty terminating {@code <backingStore/>} included). */
  public java.util.List<DiskBackingStore> backingChain() {
    java.util.List<DiskBackingStore> out = new java.util.ArrayList<>();
    for (Optional<DiskBackingStore> b = backingStore(); b.isPresent(); b = b.get().backingStore()) out.add(b.get());
    return java.util.List.copyOf(out);
  }

  // ------------------------------------------------------------------ withers

  /** A copy on the virtio bus. */
  public Disk virtio() { return bus("virtio"); }

  /** A copy on the SCSI bus (needs a SCSI controller, usually {@code virtio-scsi}). */
  public Disk scsi() { return bus("scsi"); }

  /** A copy on the SATA bus. */
  public Disk sata() { return bus("sata"); }

  /** A copy on the target bus {@code bus}, keeping the device name. */
  public Disk bus(String bus) { return withTarget(t -> t.bus(bus)); }

  /** A copy with target device {@code dev} ({@code vda}, {@code sda}, ...), keeping the bus. */
  public Disk target(String dev) { return withTarget(t -> t.dev(dev)); }

  /** A copy with target device {@code dev} on {@code bus}. */
  public Disk target(String dev, String bus) { return withTarget(t -> t.dev(dev).bus(bus)); }

  /** A read-only copy. */
  public Disk readonly() { return copy(b -> b.isReadonly(true)); }

  /** A copy that may be shared between domains. */
  public Disk shareable() { return copy(b -> b.isShareable(true)); }

  /** A copy booted at position {@code order} (1 first). */
  public Disk bootOrder(int order) { return copy(b -> b.boot(DiskBoot.order(order))); }

  /** A copy whose image format is qcow2 ({@code <driver name='qemu' type='qcow2'/>}). */
  public Disk qcow2() { return format("qcow2"); }

  /** A copy whose image format is raw ({@code <driver name='qemu' type='raw'/>}). */
  public Disk raw() { return format("raw"); }

  /** A copy with QEMU driver and image format {@code type}, keeping other driver settings. */
  public Disk format(String type) { return withDriver(d -> d.name(d.build().name().orElse("qemu")).type(type)); }

  /**
   * A copy whose image format is inferred from the source file name ({@code .qcow2}, {@code .raw},
   * {@code .img}, {@code .iso}, {@code .vmdk}, {@code .vdi}, {@code .vhdx}); unchanged when nothing matches.
   */
  public Disk formatFromExtension() {
    String f = source().flatMap(DiskSource::file).orElse("").toLowerCase(Locale.ROOT);
    int dot = f.lastIndexOf('.');
    String ext = dot < 0 ? "" : f.substring(dot + 1);
    switch (ext) {
      case "qcow2": return qcow2();
      case "raw": case "img": case "iso": return raw();
      case "vmdk": case "vdi": case "vhdx": return format(ext);
      default: return this;
    }
  }

  /** A copy with cache mode {@code cache} ({@code none}, {@code writeback}, ...). */
  public Disk cache(String cache) { return withDriver(d -> d.cache(cache)); }

  /** A copy with a changed {@code <driver>} (created empty when absent). */
  public Disk withDriver(java.util.function.Consumer<DiskDriver.Builder> change) {
    DiskDriver.Builder d = DiskDriver.builder();
    driver().ifPresent(d::from);
    change.accept(d);
    return copy(b -> b.driver(d.build()));
  }

  /** A copy with a changed {@code <source>} (created empty when absent). */
  public Disk withSource(java.util.function.Consumer<DiskSource.Builder> change) {
    DiskSource.Builder s = DiskSource.builder();
    source().ifPresent(s::from);
    change.accept(s);
    return copy(b -> b.source(s.build()));
  }

  /** A copy with a changed {@code <target>} (created empty when absent). */
  public Disk withTarget(java.util.function.Consumer<DiskTarget.Builder> change) {
    DiskTarget.Builder t = DiskTarget.builder();
    target().ifPresent(t::from);
    change.accept(t);
    return copy(b -> b.target(t.build()));
  }

  // ------------------------------------------------------------------ validation

  @Value.Check protected void check() {
    if (io.kvmsdk.core.internal.domain.Validation.skipped()) return;   // virDomainDiskDefValidate: not applied to a snapshot's domain
    String dev = device().orElse("disk");
    Optional<String> bus = targetBus();
    Optional<String> tdev = targetDev();
    if (tdev.isPresent() && !isTargetDev(tdev.get())) {
      throw new InvalidSpecException("target/@dev", "must be a device name such as 'vda' or 'sdb' (lower-case letters, then letters or digits), got '" + tdev.get() + "'");
    }
    if (tdev.isPresent()) {
      String name = tdev.get().startsWith("ioemu:") ? tdev.get().substring(6) : tdev.get();
      if (address().isEmpty() && !isKnownName(name, false)) {
        throw new InvalidSpecException("target/@dev", "without an <address> must be fd, hd, vd, sd, xvd or ubd followed by letters (and digits), got '" + tdev.get() + "'");
      }
    }
    if (dev.equals("floppy") && bus.isPresent() && !bus.get().equals("fdc")) {
      throw new InvalidSpecException("target/@bus", "a floppy disk must be on bus 'fdc', got '" + bus.get() + "'");
    }
    if (!dev.equals("floppy") && bus.isPresent() && bus.get().equals("fdc")) {
      throw new InvalidSpecException("target/@bus", "bus 'fdc' is only for device='floppy', got device='" + dev + "'");
    }
    if (target().flatMap(DiskTarget::tray).isPresent() && !dev.equals("cdrom") && !dev.equals("floppy")) {
      throw new InvalidSpecException("target/@tray", "tray is only valid for device 'cdrom' or 'floppy', got device='" + dev + "'");
    }
    String type = type().orElse("file");
    Optional<String> protocol = source().flatMap(DiskSource::protocol);
    if (type.equals("network") && protocol.isEmpty()) {
      throw new InvalidSpecException("source/@protocol", "required for a disk of type 'network'");
    }
    if (dev.equals("lun")) {
      boolean ok = type.equals("block") || type.equals("volume") || (type.equals("network") && protocol.isPresent() && protocol.get().equals("iscsi"));
      if (!ok) {
        throw new InvalidSpecException("@device", "device='lun' needs type 'block', 'volume' or a network iSCSI source, got type='" + type + "'"
            + protocol.map(p -> " protocol='" + p + "'").orElse(""));
      }
    } else {
      if (rawio().isPresent()) throw new InvalidSpecException("@rawio", "rawio can be used only with device='lun', got device='" + dev + "'");
      if (sgio().isPresent()) throw new InvalidSpecException("@sgio", "sgio can be used only with device='lun', got device='" + dev + "'");
      if (source().flatMap(DiskSource::reservations).isPresent()) {
        throw new InvalidSpecException("source/reservations", "reservations are allowed only for device='lun', got device='" + dev + "'");
      }
    }
    Optional<String> policy = source().flatMap(DiskSource::startupPolicy);
    if (policy.isPresent()) {
      if (type.equals("network")) {
        throw new InvalidSpecException("source/@startupPolicy", "is not allowed for a disk of type 'network'");
      }
      if (policy.get().equals("requisite") && !dev.equals("cdrom") && !dev.equals("floppy")) {
        throw new InvalidSpecException("source/@startupPolicy", "'requisite' is allowed only for device 'cdrom' or 'floppy', got device='" + dev + "'");
      }
    }
    if (wwn().isPresent() && !isWwn(wwn().get())) {
      throw new InvalidSpecException("wwn", "must be 16 hexadecimal digits, got '" + wwn().get() + "'");
    }
    // libvirt's parser: only virtio-blk has queues, only usb disks are removable, virtio models need bus virtio.
    // (What the QEMU driver adds, per bus and format, is in DomainSpec.validateFor.)
    if (bus.isPresent()) {
      String b = bus.get();
      if (driver().flatMap(DiskDriver::queues).isPresent() && !b.equals("virtio")) {
        throw new InvalidSpecException("driver/@queues", "only virtio-blk supports queues, got bus '" + b + "'");
      }
      if (target().flatMap(DiskTarget::removable).isPresent() && !b.equals("usb")) {
        throw new InvalidSpecException("target/@removable", "removable is only valid for usb disks, got bus '" + b + "'");
      }
      if (model().filter(m -> m.startsWith("virtio")).isPresent() && !b.equals("virtio")) {
        throw new InvalidSpecException("@model", "model '" + model().get() + "' needs bus 'virtio', got bus '" + b + "'");
      }
    }
    checkPrintable("vendor", vendor(), 8);
    checkPrintable("product", product(), 16);
  }

  private static void checkPrintable(String field, Optional<String> v, int max) {
    if (v.isEmpty()) return;
    String s = v.get();
    if (s.length() > max) throw new InvalidSpecException(field, "must be at most " + max + " characters, got " + s.length() + " ('" + s + "')");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) throw new InvalidSpecException(field, "must be printable ASCII, got '" + s + "'");
    }
  }

  /** Builds a {@link Disk}. */
  public static class Builder extends ImmutableDisk.Builder {
    /** Sets {@code <readonly/>}. */
    public Builder readonly(boolean readonly) { return isReadonly(readonly); }

    /** Sets {@code <shareable/>}. */
    public Builder shareable(boolean shareable) { return isShareable(shareable); }

    /** Sets {@code <boot order=''/>}. */
    public Builder bootOrder(int order) { return boot(DiskBoot.order(order)); }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Disk copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

}
