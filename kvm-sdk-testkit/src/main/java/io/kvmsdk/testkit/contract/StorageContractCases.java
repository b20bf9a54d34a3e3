package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractCapability.STORAGE;
import static io.kvmsdk.testkit.contract.ContractCapability.VOLUME_DATA;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;
import static io.kvmsdk.testkit.contract.ContractXml.attrAt;
import static io.kvmsdk.testkit.contract.ContractXml.attrs;
import static io.kvmsdk.testkit.contract.ContractXml.el;
import static io.kvmsdk.testkit.contract.ContractXml.text;
import static io.kvmsdk.testkit.contract.ContractXml.textAt;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.storage.ResizeOption;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.storage.StoragePools;
import io.kvmsdk.core.storage.StorageVolume;
import io.kvmsdk.core.storage.StorageVolumeSpec;
import io.kvmsdk.core.xml.XmlElement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Contract cases of area {@code storage}: {@code kvm.pools()}, its {@link StoragePool} handles and their
 * {@link StorageVolume}s, as libvirt's storage driver keeps them; a case per handle method. Pools are
 * {@code dir} pools under {@code /tmp}, deleted again at the end. Cases needing
 * {@link ContractCapability#QEMU_DRIVER} check what the test driver does not: real directories, the
 * refusal to autostart a transient pool, a running guest on a volume; {@link ContractCapability#VOLUME_DATA}
 * cases move a volume's bytes.
 */
final class StorageContractCases {
  private StorageContractCases() {}

  private static final String INVALID = "VIR_ERR_OPERATION_INVALID", FAILED = "VIR_ERR_OPERATION_FAILED";

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("storage", "pools().define: persistent, inactive, a UUID given, found and listed", StorageContractCases::define, STORAGE),
        ContractCase.of("storage", "pools().create: a transient pool over an existing directory, gone once destroyed", StorageContractCases::create,
            STORAGE),
        ContractCase.of("storage", "pools().find and get(): empty and not-found for a missing pool", StorageContractCases::findAndGet, STORAGE),
        ContractCase.of("storage", "pools().list: active and inactive, persistent and transient", StorageContractCases::list, STORAGE),
        ContractCase.of("storage", "pools().define of a name, UUID or directory in use is refused", StorageContractCases::duplicates, STORAGE),
        ContractCase.of("storage", "pool.build and start(): a dir pool starts once its directory exists; an active pool refuses both",
            StorageContractCases::buildAndStart, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "pool.start of an active pool and build() of it are refused", StorageContractCases::startActive, STORAGE),
        ContractCase.of("storage", "pool.refresh: an active pool rescans, an inactive one refuses", StorageContractCases::refresh, STORAGE),
        ContractCase.of("storage", "pool.destroy: an active pool stops keeping its volumes, an inactive one refuses", StorageContractCases::destroy,
            STORAGE),
        ContractCase.of("storage", "pool.delete: removes the empty directory of an inactive pool; refused while active or not empty",
            StorageContractCases::delete, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "pool.undefine: an inactive pool is gone, an active one refuses", StorageContractCases::undefine, STORAGE),
        ContractCase.of("storage", "pool.setAutostart and autostart(): kept for a persistent pool", StorageContractCases::autostart, STORAGE),
        ContractCase.of("storage", "pool.setAutostart of a transient pool is refused", StorageContractCases::transientAutostart, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "pool.spec and liveSpec(): the definition, and what an active pool holds", StorageContractCases::spec, STORAGE),
        ContractCase.of("storage", "pool.volumes().create: raw and qcow2 volumes with libvirt's figures, listed, found, with their path",
            StorageContractCases::volumes, STORAGE),
        ContractCase.of("storage", "pool.volumes().create of a name in use is refused", StorageContractCases::duplicateVolume, STORAGE),
        ContractCase.of("storage", "pool.volumes() of an inactive pool are out of reach until it starts again", StorageContractCases::inactiveVolumes,
            STORAGE),
        ContractCase.of("storage", "pool.volumes().find and get(): empty and not-found for a missing volume", StorageContractCases::findVolume, STORAGE),
        ContractCase.of("storage", "volume.delete: gone; deleting it again is not-found", StorageContractCases::deleteVolume, STORAGE),
        ContractCase.of("storage", "volume.clone and volumes().createFrom: a copy with the source's capacity and format",
            StorageContractCases::cloneVolume, STORAGE),
        ContractCase.of("storage", "volume.clone to a name in use is refused", StorageContractCases::cloneToTaken, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "volume.upload and download(): bytes in place, from an offset, the file grows past its capacity",
            StorageContractCases::uploadDownload, STORAGE, VOLUME_DATA),
        ContractCase.of("storage", "volume.clone copies the data", StorageContractCases::cloneCopiesData, STORAGE, VOLUME_DATA),
        ContractCase.of("storage", "volume.wipe: the data reads back as zeros", StorageContractCases::wipe, STORAGE, VOLUME_DATA),
        ContractCase.of("storage", "volume.resize: grows, allocates, shrinks only when told and never below the allocation",
            StorageContractCases::resize, STORAGE, VOLUME_DATA),
        ContractCase.of("storage", "a dir pool's qcow2 volume is a running guest's disk", StorageContractCases::guestDisk, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "volumes().createFrom: the capacity never below the source's, qemu-img convert keeps the source's size, raw unless told",
            StorageContractCases::cloneFigures, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "volumes().create: allocation in 4 KiB blocks, qcow2 sizes in KiB, compat, backing store and permissions kept",
            StorageContractCases::createFigures, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "volumes().create refuses an unknown format, a '/' in the name, an unknown unit, a negative size",
            StorageContractCases::createRefusals, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "volume.resize of qcow2: rounded to 512 bytes, shrinking rewrites its tables, no preallocation",
            StorageContractCases::resizeQcow2, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "volume.wipe: a qcow2 file becomes raw zeros over its allocation, a sparse one is emptied",
            StorageContractCases::wipeFigures, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "pools().define refuses an unknown type, a '/' in the name, a source the type needs and lacks",
            StorageContractCases::poolRefusals, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "pools().define fills in a logical, fs and netfs pool's source; an active dir pool reports its permissions",
            StorageContractCases::poolDefaults, STORAGE, QEMU_DRIVER));
  }

  // ------------------------------------------------------------------ helpers

  /** A directory unique to the run: {@code /tmp/kvmsdk-ct-1a2b3c4d-STEM}. */
  static String dir(ContractRun run, String stem) { return "/tmp/" + run.name(stem); }

  /** A {@code dir} pool definition; {@code uuid} may be null. */
  static StoragePoolSpec pool(String name, String uuid, String path) {
    List<XmlElement> kids = new ArrayList<>();
    kids.add(text("name", name));
    if (uuid != null) kids.add(text("uuid", uuid));
    kids.add(el("target", text("path", path)));
    return StoragePoolSpec.fromXml(el("pool", attrs("type", "dir"), kids.toArray(new XmlElement[0])).toXml());
  }

  /** A volume of {@code capacity} in {@code unit}, of {@code format} (null: the pool's default). */
  static StorageVolumeSpec volume(String name, long capacity, String unit, String format) {
    XmlElement cap = XmlElement.builder("capacity").attr("unit", unit).text(Long.toString(capacity)).build();
    return StorageVolumeSpec.fromXml(format == null ? el("volume", text("name", name), cap).toXml()
        : el("volume", text("name", name), cap, el("target", el("format", attrs("type", format)))).toXml());
  }

  /**
   * When the case ends: deletes pool {@code name}'s volumes, stops it, removes its directory and
   * undefines it; a pool already gone is defined again over {@code path} to remove the directory.
   */
  static void cleanUp(ContractRun run, String name, String path) {
    StoragePools pools = run.kvm().pools();
    run.onClose(() -> {
      StoragePool p = pools.find(name).orElseGet(() -> {
        try {
          return pools.define(pool(name, null, path));
        } catch (RuntimeException e) {
          return null;
        }
      });
      if (p == null) return;
      if (!p.isActive()) {
        try {
          p.start();
        } catch (RuntimeException e) {
          // the directory is gone already
        }
      }
      if (p.isActive()) {
        for (StorageVolume v : p.volumes().list()) v.delete();
        p.destroy();
      }
      if (pools.find(name).isEmpty()) p = pools.define(pool(name, null, path));   // it was transient
      try {
        p.delete();
      } catch (RuntimeException e) {
        // never built
      }
      if (p.isPersistent()) p.undefine();
    });
  }

  /** Defines (cleaned up at the end), builds and starts a dir pool of the run. */
  static StoragePool started(ContractRun run, String stem) {
    String name = run.name(stem);
    cleanUp(run, name, dir(run, stem));
    return run.kvm().pools().define(pool(name, null, dir(run, stem))).build().start();
  }

  private static Set<String> names(List<StorageVolume> vols) { return vols.stream().map(StorageVolume::name).collect(Collectors.toSet()); }

  private static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }

  // ------------------------------------------------------------------ pools

  static void define(ContractRun run) {
    String name = run.name("pool");
    String path = dir(run, "pool");
    cleanUp(run, name, path);
    StoragePool p = run.kvm().pools().define(pool(name, null, path));
    expectEqual("name", name, p.name());
    check(p.uuid() != null && p.uuid().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "libvirt gives a pool a UUID, got " + p.uuid());
    expectEqual("found by name", p, run.kvm().pools().get(name));
    check(run.kvm().pools().list().contains(p), "a defined pool is listed");
    expectEqual("active after define", false, p.isActive());
    expectEqual("persistent after define", true, p.isPersistent());
    expectEqual("autostart after define", false, p.autostart());
    StoragePoolSpec spec = p.spec();
    expectEqual("spec name", name, spec.name());
    expectEqual("spec type", java.util.Optional.of("dir"), spec.type());
    expectEqual("spec uuid", java.util.Optional.of(p.uuid()), spec.uuid());
    expectEqual("spec target path", path, textAt(spec.toXml(), "target", "path"));
    if (run.has(QEMU_DRIVER)) expectEqual("an inactive pool's capacity", "0", textAt(spec.toXml(), "capacity"));   // the test driver makes one up
    expectEqual("toString", "StoragePool[" + name + " inactive]", p.toString());
  }

  static void create(ContractRun run) {
    String name = run.name("pool");
    String path = dir(run, "pool");
    cleanUp(run, name, path);
    run.kvm().pools().define(pool(name, null, path)).build().undefine();   // the directory stays
    StoragePool p = run.kvm().pools().create(pool(name, null, path));
    expectEqual("active after create", true, p.isActive());
    expectEqual("persistent after create", false, p.isPersistent());
    run.expectRefused("create it again while active", () -> run.kvm().pools().create(pool(name, p.uuid(), path)), INVALID,
        "Requested operation is not valid: pool is already active as '" + name + "'");
    run.expectRefused("undefine a transient pool", p::undefine, INVALID, "Requested operation is not valid: storage pool '" + name + "' is still active");
    p.destroy();
    check(run.kvm().pools().find(name).isEmpty(), "a destroyed transient pool is gone");
    check(!run.kvm().pools().list().contains(p), "a destroyed transient pool is not listed");
  }

  static void findAndGet(ContractRun run) {
    String name = run.name("nopool");
    check(run.kvm().pools().find(name).isEmpty(), "find() of a missing pool is empty");
    run.expectNotFound("get()", () -> run.kvm().pools().get(name), "storage pool", name);
    StoragePool ghost = new StoragePool(run.kvm().hypervisor(), name, null);
    NotFoundException e = run.expectNotFound("start", ghost::start, "storage pool", name);
    if (run.has(QEMU_DRIVER)) {
      check(e.getCause() instanceof LibvirtException le && le.code().equals("VIR_ERR_NO_STORAGE_POOL")
          && le.libvirtMessage().equals("Storage pool not found: no storage pool with matching name '" + name + "'"), "libvirt's error, got " + e.getCause());
    }
    run.expectNotFound("spec", ghost::spec, "storage pool", name);
    run.expectNotFound("volumes().create", () -> ghost.volumes().create(volume("disk.img", 1, "MiB", null)), "storage pool", name);
    run.expectNotFound("volumes().list", () -> ghost.volumes().list(), "storage pool", name);
  }

  static void list(ContractRun run) {
    StoragePool on = started(run, "on");
    String off = run.name("off");
    cleanUp(run, off, dir(run, "off"));
    StoragePool p = run.kvm().pools().define(pool(off, null, dir(run, "off")));
    Set<String> mine = run.kvm().pools().list().stream().map(StoragePool::name).filter(n -> n.startsWith(run.name(""))).collect(Collectors.toSet());
    expectEqual("this run's pools listed", Set.of(on.name(), p.name()), mine);
  }

  static void duplicates(ContractRun run) {
    String name = run.name("pool");
    String path = dir(run, "pool");
    String uuid = UUID.randomUUID().toString();
    cleanUp(run, name, path);
    run.kvm().pools().define(pool(name, uuid, path));
    run.expectRefused("define the name with another UUID", () -> run.kvm().pools().define(pool(name, UUID.randomUUID().toString(), path + "-b")),
        FAILED, "operation failed: pool '" + name + "' already exists with uuid " + uuid);
    run.expectRefused("define the same XML without a UUID (libvirt gives it a fresh one)", () -> run.kvm().pools().define(pool(name, null, path)),
        FAILED, "operation failed: pool '" + name + "' already exists with uuid " + uuid);
    String other = run.name("pool-other");
    cleanUp(run, other, path + "-other");
    run.expectRefused("define another name with the UUID", () -> run.kvm().pools().define(pool(other, uuid, path + "-other")),
        FAILED, "operation failed: pool '" + name + "' is already defined with uuid " + uuid);
    run.expectRefused("define another pool on the directory", () -> run.kvm().pools().define(pool(other, null, path)),
        FAILED, "operation failed: Storage source conflict with pool: '" + name + "'");
    check(run.kvm().pools().find(other).isEmpty(), "no refused pool is defined");
    expectEqual("redefine with the same UUID", name, run.kvm().pools().define(pool(name, uuid, path)).name());
  }

  static void buildAndStart(ContractRun run) {
    String name = run.name("pool");
    String path = dir(run, "pool");
    cleanUp(run, name, path);
    StoragePool p = run.kvm().pools().define(pool(name, null, path));
    run.expectRefused("start before the directory exists", p::start, "VIR_ERR_SYSTEM_ERROR",
        "cannot open directory '" + path + "': No such file or directory");
    p.build();
    p.build();   // building an existing directory again is fine
    p.start();
    expectEqual("active after start", true, p.isActive());
    check(Long.parseLong(textAt(p.liveSpec().toXml(), "capacity")) > 0, "an active pool reports its capacity");
  }

  static void startActive(ContractRun run) {
    StoragePool p = started(run, "pool");
    String msg = "Requested operation is not valid: storage pool '" + p.name() + "' is already active";
    run.expectRefused("start an active pool", p::start, INVALID, msg);
    run.expectRefused("build an active pool", p::build, INVALID, msg);
    expectEqual("still active", true, p.isActive());
  }

  static void refresh(ContractRun run) {
    StoragePool p = started(run, "pool");
    p.refresh();
    expectEqual("still active", true, p.isActive());
    p.destroy();
    run.expectRefused("refresh an inactive pool", p::refresh, INVALID, "Requested operation is not valid: storage pool '" + p.name() + "' is not active");
  }

  static void destroy(ContractRun run) {
    StoragePool p = started(run, "pool");
    p.volumes().create(volume("disk.img", 1, "MiB", null));
    p.destroy();
    expectEqual("inactive after destroy", false, p.isActive());
    run.expectRefused("destroy an inactive pool", p::destroy, INVALID, "Requested operation is not valid: storage pool '" + p.name() + "' is not active");
    p.start();
    expectEqual("the volume is still there", Set.of("disk.img"), names(p.volumes().list()));
  }

  static void delete(ContractRun run) {
    StoragePool p = started(run, "pool");
    String path = dir(run, "pool");
    run.expectRefused("delete an active pool", p::delete, INVALID, "Requested operation is not valid: storage pool '" + p.name() + "' is still active");
    StorageVolume v = p.volumes().create(volume("disk.img", 1, "MiB", null));
    p.destroy();
    run.expectRefused("delete a pool with a volume", p::delete, "VIR_ERR_SYSTEM_ERROR", "failed to remove pool '" + path + "': Directory not empty");
    p.start();
    v.delete();
    p.destroy().delete();
    run.expectRefused("start once its directory is deleted", p::start, "VIR_ERR_SYSTEM_ERROR", "cannot open directory '" + path + "': No such file or directory");
    run.expectRefused("delete it again", p::delete, "VIR_ERR_SYSTEM_ERROR", "failed to remove pool '" + path + "': No such file or directory");
  }

  static void undefine(ContractRun run) {
    StoragePool p = started(run, "pool");
    run.expectRefused("undefine an active pool", p::undefine, INVALID, "Requested operation is not valid: storage pool '" + p.name() + "' is still active");
    expectEqual("still persistent", true, p.isPersistent());
    p.destroy().undefine();
    check(run.kvm().pools().find(p.name()).isEmpty(), "an undefined pool is gone");
  }

  static void autostart(ContractRun run) {
    StoragePool p = started(run, "pool");
    p.setAutostart(true);
    expectEqual("autostart set", true, p.autostart());
    p.setAutostart(false);
    expectEqual("autostart cleared", false, p.autostart());
  }

  static void transientAutostart(ContractRun run) {
    String name = run.name("pool");
    String path = dir(run, "pool");
    cleanUp(run, name, path);
    run.kvm().pools().define(pool(name, null, path)).build().undefine();
    StoragePool p = run.kvm().pools().create(pool(name, null, path));
    run.expectRefused("autostart a transient pool", () -> p.setAutostart(true), "VIR_ERR_INTERNAL_ERROR", "internal error: pool has no config file");
    expectEqual("autostart", false, p.autostart());
  }

  static void spec(ContractRun run) {
    StoragePool p = started(run, "pool");
    p.volumes().create(volume("disk.qcow2", 16, "MiB", "qcow2"));
    String live = p.liveSpec().toXml();
    long capacity = Long.parseLong(textAt(live, "capacity"));
    long allocation = Long.parseLong(textAt(live, "allocation"));
    long available = Long.parseLong(textAt(live, "available"));
    check(capacity > 0 && allocation >= 0 && available <= capacity, "an active pool reports its file system: " + live);
    expectEqual("bytes as the unit", "bytes", attrAt(live, "unit", "capacity"));
    expectEqual("spec names the pool", p.name(), p.spec().name());
    expectEqual("spec type", java.util.Optional.of("dir"), p.spec().type());
  }

  // ------------------------------------------------------------------ volumes

  static void volumes(ContractRun run) {
    StoragePool p = started(run, "pool");
    String path = dir(run, "pool");
    StorageVolume raw = p.volumes().create(volume("disk.img", 1, "MiB", null));
    expectEqual("create returns the name", "disk.img", raw.name());
    expectEqual("its pool", p.name(), raw.pool());
    StorageVolume qcow2 = p.volumes().create(volume("disk.qcow2", 16, "MiB", "qcow2"));
    expectEqual("listed", Set.of("disk.img", "disk.qcow2"), names(p.volumes().list()));
    expectEqual("found", raw, p.volumes().get("disk.img"));
    expectEqual("path", path + "/disk.img", raw.path());
    String x = raw.spec().toXml();
    expectEqual("spec name", "disk.img", raw.spec().name());
    expectEqual("raw key (its path)", path + "/disk.img", textAt(x, "key"));
    expectEqual("raw path", path + "/disk.img", textAt(x, "target", "path"));
    expectEqual("raw capacity, in bytes", "1048576", textAt(x, "capacity"));
    expectEqual("raw capacity unit", "bytes", attrAt(x, "unit", "capacity"));
    expectEqual("raw allocation (fully allocated)", "1048576", textAt(x, "allocation"));
    expectEqual("raw format (the dir pool's default)", "raw", attrAt(x, "type", "target", "format"));
    String q = qcow2.spec().toXml();
    expectEqual("qcow2 capacity", "16777216", textAt(q, "capacity"));
    expectEqual("qcow2 format", "qcow2", attrAt(q, "type", "target", "format"));
    if (run.has(QEMU_DRIVER)) {   // what qemu-img makes of a fresh 16 MiB qcow2, as libvirt 9.0 reports it
      expectEqual("qcow2 allocation", "200704", textAt(q, "allocation"));
      expectEqual("qcow2 file size", "196616", textAt(q, "physical"));
    }
    expectEqual("toString", "StorageVolume[" + p.name() + "/disk.img]", raw.toString());
  }

  static void duplicateVolume(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume v = p.volumes().create(volume("disk.img", 1, "MiB", null));
    run.expectRefused("create the volume again", () -> p.volumes().create(volume("disk.img", 2, "MiB", "qcow2")),
        "VIR_ERR_STORAGE_VOL_EXIST", "storage volume 'disk.img' exists already");
    expectEqual("the volume keeps its capacity", "1048576", textAt(v.spec().toXml(), "capacity"));
  }

  static void inactiveVolumes(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume v = p.volumes().create(volume("disk.img", 1, "MiB", null));
    p.destroy();
    String msg = "Requested operation is not valid: storage pool '" + p.name() + "' is not active";
    run.expectRefused("create a volume", () -> p.volumes().create(volume("more.img", 1, "MiB", null)), INVALID, msg);
    run.expectRefused("list the volumes", () -> p.volumes().list(), INVALID, msg);
    run.expectRefused("describe a volume", v::spec, INVALID, msg);
    run.expectRefused("delete a volume", v::delete, INVALID, msg);
    p.start();
    expectEqual("the volumes are back", Set.of("disk.img"), names(p.volumes().list()));
  }

  static void findVolume(ContractRun run) {
    StoragePool p = started(run, "pool");
    check(p.volumes().find("nope.img").isEmpty(), "find() of a missing volume is empty");
    run.expectNotFound("get()", () -> p.volumes().get("nope.img"), "storage volume", p.name() + "/nope.img");
    StorageVolume ghost = new StorageVolume(run.kvm().hypervisor(), p.name(), "nope.img");
    NotFoundException e = run.expectNotFound("a missing volume's spec", ghost::spec, "storage volume", p.name() + "/nope.img");
    if (run.has(QEMU_DRIVER)) {
      expectEqual("libvirt's message", "Storage volume not found: no storage vol with matching name 'nope.img'",
          ((LibvirtException) e.getCause()).libvirtMessage());
    }
    run.expectNotFound("a missing volume's path", ghost::path, "storage volume", p.name() + "/nope.img");
  }

  static void deleteVolume(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume v = p.volumes().create(volume("disk.img", 1, "MiB", null));
    p.volumes().create(volume("keep.img", 1, "MiB", null));
    v.delete();
    expectEqual("listed after delete", Set.of("keep.img"), names(p.volumes().list()));
    run.expectNotFound("delete it again", v::delete, "storage volume", p.name() + "/disk.img");
  }

  static void cloneVolume(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume raw = p.volumes().create(volume("disk.img", 2, "MiB", null));
    StorageVolume copy = raw.clone("copy.img");
    expectEqual("the clone's name", "copy.img", copy.name());
    expectEqual("the clone's capacity", "2097152", textAt(copy.spec().toXml(), "capacity"));
    expectEqual("the clone's format", "raw", attrAt(copy.spec().toXml(), "type", "target", "format"));
    expectEqual("the clone's path", dir(run, "pool") + "/copy.img", copy.path());
    StorageVolume qcow2 = p.volumes().create(volume("base.qcow2", 16, "MiB", "qcow2"));
    StorageVolume other = p.volumes().createFrom(volume("other.qcow2", 16, "MiB", "qcow2"), qcow2);
    expectEqual("createFrom's format", "qcow2", attrAt(other.spec().toXml(), "type", "target", "format"));
    expectEqual("createFrom's capacity", "16777216", textAt(other.spec().toXml(), "capacity"));
    expectEqual("listed", Set.of("disk.img", "copy.img", "base.qcow2", "other.qcow2"), names(p.volumes().list()));
  }

  static void cloneToTaken(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume v = p.volumes().create(volume("disk.img", 1, "MiB", null));
    p.volumes().create(volume("taken.img", 1, "MiB", null));
    run.expectRefused("clone to a name in use", () -> v.clone("taken.img"), "VIR_ERR_INTERNAL_ERROR",
        "internal error: storage volume name 'taken.img' already in use.");
  }

  static void uploadDownload(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume v = p.volumes().create(volume("disk.img", 1, "MiB", null));
    v.upload("hello world".getBytes(StandardCharsets.UTF_8));
    expectEqual("the first bytes", "hello world", utf8(v.read(0, 11)));
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    expectEqual("download() copies the whole file", 1048576L, v.download(all));
    expectEqual("the file keeps its size", 1048576, all.size());
    expectEqual("what follows the upload reads as zeros", 0, (int) all.toByteArray()[11]);
    expectEqual("upload at an offset, a length given", 5L, v.upload(new ByteArrayInputStream("HELLOworld".getBytes(StandardCharsets.UTF_8)), 100, 5));
    expectEqual("read around the offset", "\0\0HELLO\0\0", utf8(v.read(98, 9)));
    expectEqual("a read past the end is empty", 0, v.read(5L << 20, 16).length);
    byte[] big = new byte[(1 << 20) + 4096];
    Arrays.fill(big, (byte) 7);
    v.upload(big);
    expectEqual("a raw file grows past its capacity", "1052672", textAt(v.spec().toXml(), "capacity"));
    expectEqual("the last byte", 7, (int) v.read((1 << 20) + 4095, 1)[0]);
  }

  static void cloneCopiesData(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume v = p.volumes().create(volume("disk.img", 1, "MiB", null));
    v.upload("golden image".getBytes(StandardCharsets.UTF_8));
    StorageVolume copy = v.clone("copy.img");
    expectEqual("the clone's data", "golden image", utf8(copy.read(0, 12)));
    v.wipe();
    expectEqual("the clone is a copy, not a link", "golden image", utf8(copy.read(0, 12)));
  }

  static void wipe(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume v = p.volumes().create(volume("disk.img", 1, "MiB", null));
    v.upload("secret data".getBytes(StandardCharsets.UTF_8));
    v.wipe();
    expectEqual("wiped", "\0".repeat(11), utf8(v.read(0, 11)));
    expectEqual("the capacity stays", "1048576", textAt(v.spec().toXml(), "capacity"));
    expectEqual("the format stays", "raw", attrAt(v.spec().toXml(), "type", "target", "format"));
  }

  static void resize(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume v = p.volumes().create(volume("disk.img", 2, "MiB", null));
    run.expectRefused("shrink below the allocation", () -> v.resize(Size.mib(1)), "VIR_ERR_INVALID_ARG",
        "invalid argument: can't shrink capacity below existing allocation");
    run.expectRefused("shrink below the allocation, even when told", () -> v.resize(Size.mib(1), ResizeOption.SHRINK), "VIR_ERR_INVALID_ARG",
        "invalid argument: can't shrink capacity below existing allocation");
    v.resize(Size.mib(3));
    String x = v.spec().toXml();
    expectEqual("grown", "3145728", textAt(x, "capacity"));
    expectEqual("growing allocates nothing", "2097152", textAt(x, "allocation"));
    v.resize(Size.mib(1), ResizeOption.DELTA);
    expectEqual("grown by a delta", "4194304", textAt(v.spec().toXml(), "capacity"));
    run.expectRefused("shrink above the allocation without SHRINK", () -> v.resize(Size.mib(3)), "VIR_ERR_INVALID_ARG",
        "invalid argument: Can't shrink capacity below current capacity unless shrink flag explicitly specified");
    v.resize(Size.mib(3), ResizeOption.SHRINK);
    expectEqual("shrunk when told", "3145728", textAt(v.spec().toXml(), "capacity"));
    v.resize(Size.mib(4), ResizeOption.ALLOCATE);
    expectEqual("ALLOCATE allocates", "4194304", textAt(v.spec().toXml(), "allocation"));
    StorageVolume q = p.volumes().create(volume("disk.qcow2", 16, "MiB", "qcow2"));
    q.resize(Size.mib(8), ResizeOption.SHRINK);
    expectEqual("a qcow2 volume shrinks when told", "8388608", textAt(q.spec().toXml(), "capacity"));
    q.resize(Size.mib(32));
    expectEqual("and grows", "33554432", textAt(q.spec().toXml(), "capacity"));
  }

  static void guestDisk(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume v = p.volumes().create(volume("root.qcow2", 16, "MiB", "qcow2"));
    Domain d = run.define(run.guest(run.name("ondisk")).copy(b -> b.addDisk(Disk.file(v.path()).qcow2().target("vda", "virtio"))));
    d.start();
    expectEqual("state of a guest on the volume", DomainState.RUNNING, d.state());
    expectEqual("its disk is the volume", java.util.Optional.of(v.path()),
        d.spec().devices().disks().get(0).source().flatMap(s -> s.file()));
    d.destroy();
  }

  // ------------------------------------------------------------------ libvirt's figures and refusals (fs backend)

  /** Volume {@code name}'s XML as the driver gives it. */
  private static String volXml(ContractRun run, StoragePool p, String name) { return run.kvm().hypervisor().storageVolumes().xml(p.name(), name); }

  /** Creates a volume from raw XML (what a spec refuses at build() still reaches the daemon). */
  private static String createXml(ContractRun run, StoragePool p, String xml) { return run.kvm().hypervisor().storageVolumes().create(p.name(), xml); }

  /** "capacity allocation physical format" of volume {@code name} (physical "-" when not reported). */
  private static String figures(ContractRun run, StoragePool p, String name) {
    String x = volXml(run, p, name);
    return textAt(x, "capacity") + " " + textAt(x, "allocation") + " " + java.util.Optional.ofNullable(textAt(x, "physical")).orElse("-")
        + " " + attrAt(x, "type", "target", "format");
  }

  static void cloneFigures(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume raw = p.volumes().create(volume("base.img", 8, "MiB", null));
    StorageVolume qcow2 = p.volumes().create(volume("base.qcow2", 8, "MiB", "qcow2"));
    p.volumes().createFrom(volume("r2r-big.img", 16, "MiB", null), raw);
    expectEqual("raw to raw, larger: truncated and allocated to the new capacity", "16777216 16777216 16777216 raw", figures(run, p, "r2r-big.img"));
    p.volumes().createFrom(volume("r2r-small.img", 4, "MiB", null), raw);
    expectEqual("raw to raw, smaller: never below the source's capacity", "8388608 8388608 8388608 raw", figures(run, p, "r2r-small.img"));
    run.kvm().hypervisor().storageVolumes().createFrom(p.name(),
        "<volume><name>r2r-sparse.img</name><capacity unit='MiB'>8</capacity><allocation>0</allocation></volume>", p.name(), "base.img");
    expectEqual("raw to raw, allocation 0: a sparse copy of the source's data (none)", "8388608 0 8388608 raw", figures(run, p, "r2r-sparse.img"));
    p.volumes().createFrom(volume("q2q-big.qcow2", 16, "MiB", "qcow2"), qcow2);
    expectEqual("qcow2 to qcow2, larger: qemu-img convert keeps the source's size", "8388608 200704 196616 qcow2", figures(run, p, "q2q-big.qcow2"));
    p.volumes().createFrom(volume("r2q.qcow2", 16, "MiB", "qcow2"), raw);
    expectEqual("raw to qcow2, larger: the source's size", "8388608 200704 196616 qcow2", figures(run, p, "r2q.qcow2"));
    p.volumes().createFrom(volume("q2r-nofmt", 8, "MiB", null), qcow2);
    expectEqual("qcow2 source, no format given: a raw file with its first block allocated", "8388608 4096 8388608 raw", figures(run, p, "q2r-nofmt"));
    StorageVolume tiny = p.volumes().create(volume("tiny.img", 1000, "bytes", null));
    p.volumes().createFrom(volume("tiny.qcow2", 4, "MiB", "qcow2"), tiny);
    expectEqual("a 1000-byte raw file converted to qcow2: 512-byte sectors", "1024 200704 196616 qcow2", figures(run, p, "tiny.qcow2"));
  }

  static void createFigures(ContractRun run) {
    StoragePool p = started(run, "pool");
    String path = dir(run, "pool");
    createXml(run, p, "<volume><name>a.img</name><capacity>1000</capacity></volume>");
    expectEqual("a 1000-byte raw file: one 4 KiB block", "1000 4096 1000 raw", figures(run, p, "a.img"));
    createXml(run, p, "<volume><name>b.qcow2</name><capacity>1000</capacity><target><format type='qcow2'/></target></volume>");
    expectEqual("a 1000-byte qcow2: qemu-img create takes KiB", "1024 200704 196616 qcow2", figures(run, p, "b.qcow2"));
    createXml(run, p, "<volume><name>c.qcow2</name><capacity>1536</capacity><target><format type='qcow2'/></target></volume>");
    expectEqual("a 1536-byte qcow2", "2048 200704 196616 qcow2", figures(run, p, "c.qcow2"));
    createXml(run, p, "<volume><name>e.img</name><capacity unit='MiB'>1</capacity><allocation unit='MiB'>2</allocation></volume>");
    expectEqual("an allocation past the capacity grows the file", "2097152 2097152 2097152 raw", figures(run, p, "e.img"));
    createXml(run, p, "<volume><name>f.img</name><capacity>5000</capacity></volume>");
    expectEqual("a 5000-byte raw file: two blocks", "5000 8192 5000 raw", figures(run, p, "f.img"));
    createXml(run, p, "<volume><name>g.img</name><capacity unit='MiB'>1</capacity><allocation>1000</allocation></volume>");
    expectEqual("a sparse raw file, 1000 bytes allocated", "1048576 4096 1048576 raw", figures(run, p, "g.img"));
    createXml(run, p, "<volume><name>i.img</name><capacity>0</capacity></volume>");
    expectEqual("an empty file: no physical size", "0 0 - raw", figures(run, p, "i.img"));
    createXml(run, p, "<volume><name>p.iso</name><capacity>1000</capacity><target><format type='iso'/></target></volume>");
    expectEqual("an iso volume: a raw file from qemu-img", "1024 4096 1024 iso", figures(run, p, "p.iso"));
    createXml(run, p, "<volume><name>l.qcow2</name><capacity unit='MiB'>16</capacity><target><format type='qcow2'/><compat>0.10</compat></target></volume>");
    expectEqual("compat kept", "0.10", textAt(volXml(run, p, "l.qcow2"), "target", "compat"));
    createXml(run, p, "<volume><name>n.qcow2</name><capacity unit='MiB'>16</capacity><target><format type='qcow2'/></target><backingStore><path>"
        + path + "/l.qcow2</path><format type='qcow2'/></backingStore></volume>");
    String n = volXml(run, p, "n.qcow2");
    expectEqual("backing store path", path + "/l.qcow2", textAt(n, "backingStore", "path"));
    expectEqual("backing store format", "qcow2", attrAt(n, "type", "backingStore", "format"));
    expectEqual("an overlay's figures", "16777216 200704 196616 qcow2", figures(run, p, "n.qcow2"));
    String a = volXml(run, p, "a.img");
    expectEqual("permissions: libvirt's mode", "0600", textAt(a, "target", "permissions", "mode"));
    expectEqual("permissions: the daemon's user", "0", textAt(a, "target", "permissions", "owner"));
    createXml(run, p, "<volume><name>q.img</name><capacity>1000</capacity><target><permissions><mode>0644</mode><owner>107</owner>"
        + "<group>107</group></permissions></target></volume>");
    String q = volXml(run, p, "q.img");
    expectEqual("permissions given: mode", "0644", textAt(q, "target", "permissions", "mode"));
    expectEqual("permissions given: owner", "107", textAt(q, "target", "permissions", "owner"));
    expectEqual("permissions given: group", "107", textAt(q, "target", "permissions", "group"));
  }

  static void createRefusals(ContractRun run) {
    StoragePool p = started(run, "pool");
    run.expectRefused("an unknown format", () -> createXml(run, p,
        "<volume><name>f.bogus</name><capacity unit='MiB'>1</capacity><target><format type='bogus'/></target></volume>"),
        "VIR_ERR_CONFIG_UNSUPPORTED", "unsupported configuration: unknown volume format type bogus");
    run.expectRefused("'/' in a dir pool's volume name", () -> createXml(run, p, "<volume><name>g/h</name><capacity unit='MiB'>1</capacity></volume>"),
        "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: volume name 'g/h' cannot contain '/'");
    LibvirtException unit = run.expectRefused("an unknown unit", () -> createXml(run, p,
        "<volume><name>k.img</name><capacity unit='bogus'>1</capacity></volume>"), "VIR_ERR_INVALID_ARG", "invalid argument: unknown suffix 'bogus'");
    expectEqual("an unknown unit: reported from no driver", "VIR_FROM_NONE", unit.errorDomain());
    run.expectRefused("a negative capacity", () -> createXml(run, p, "<volume><name>j.img</name><capacity>-5</capacity></volume>"),
        "VIR_ERR_XML_ERROR", "XML error: malformed capacity element");
    StorageVolume raw = p.volumes().create(volume("disk.img", 1, "MiB", null));
    run.expectRefused("'/' in a clone's name", () -> run.kvm().hypervisor().storageVolumes().createFrom(p.name(),
        "<volume><name>x/y</name></volume>", p.name(), raw.name()), "VIR_ERR_OPERATION_INVALID",
        "Requested operation is not valid: volume name 'x/y' cannot contain '/'");
    expectEqual("nothing refused was created", Set.of("disk.img"), names(p.volumes().list()));
  }

  static void resizeQcow2(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume q = p.volumes().create(volume("disk.qcow2", 16, "MiB", "qcow2"));
    q.resize(Size.bytes(20000001));
    expectEqual("grown: qemu-img resize rounds up to 512 bytes", "20000256 200704 196616 qcow2", figures(run, p, q.name()));
    run.expectRefused("preallocate a qcow2 volume", () -> q.resize(Size.mib(32), ResizeOption.ALLOCATE), "VIR_ERR_OPERATION_UNSUPPORTED",
        "Operation not supported: preallocate is only supported for raw type volume");
    q.resize(Size.bytes(1_000_000), ResizeOption.DELTA, ResizeOption.SHRINK);
    expectEqual("shrunk by a delta: --shrink rewrites the tables", "19000320 266240 327680 qcow2", figures(run, p, q.name()));
    StorageVolume r = p.volumes().create(volume("disk.img", 5000, "bytes", null));
    r.resize(Size.bytes(10000), ResizeOption.ALLOCATE);
    expectEqual("a raw file preallocated from its start", "10000 12288 10000 raw", figures(run, p, r.name()));
    run.expectRefused("shrink a raw file below its blocks", () -> r.resize(Size.bytes(12000), ResizeOption.SHRINK), "VIR_ERR_INVALID_ARG",
        "invalid argument: can't shrink capacity below existing allocation");
  }

  static void wipeFigures(ContractRun run) {
    StoragePool p = started(run, "pool");
    StorageVolume q = p.volumes().create(volume("disk.qcow2", 16, "MiB", "qcow2"));
    q.wipe();
    expectEqual("a qcow2 file (more blocks than length) zeroed over its allocation", "200704 200704 200704 raw", figures(run, p, q.name()));
    StorageVolume s = p.volumes().create(volume("small.img", 1000, "bytes", null));
    s.wipe();
    expectEqual("a 1000-byte raw file zeroed over its 4 KiB block", "4096 4096 4096 raw", figures(run, p, s.name()));
    createXml(run, p, "<volume><name>sparse.img</name><capacity unit='MiB'>1</capacity><allocation>5000</allocation></volume>");
    p.volumes().get("sparse.img").wipe();
    expectEqual("a sparse file emptied", "1048576 0 1048576 raw", figures(run, p, "sparse.img"));
  }

  /** Defines pool XML through the driver (what a spec refuses at build() still reaches the daemon); undefined at the end. */
  private static String definePool(ContractRun run, String name, String xml) {
    run.onClose(() -> run.kvm().pools().find(name).ifPresent(StoragePool::undefine));
    run.kvm().hypervisor().storagePools().define(xml);
    return run.kvm().hypervisor().storagePools().xml(name, true);
  }

  static void poolRefusals(ContractRun run) {
    String name = run.name("pool");
    String path = dir(run, "pool");
    LibvirtException type = run.expectRefused("an unknown type", () -> definePool(run, name,
        "<pool type='bogus'><name>" + name + "</name><target><path>" + path + "</path></target></pool>"),
        "VIR_ERR_XML_ERROR", "XML error: Invalid value for attribute 'type' in element 'pool': 'bogus'.");
    expectEqual("an unknown type: reported by the XML helpers", "VIR_FROM_XML", type.errorDomain());
    run.expectRefused("no type", () -> definePool(run, name, "<pool><name>" + name + "</name><target><path>" + path + "</path></target></pool>"),
        "VIR_ERR_XML_ERROR", "XML error: Missing required attribute 'type' in element 'pool'");
    run.expectRefused("'/' in the name", () -> definePool(run, name + "/x",
        "<pool type='dir'><name>" + name + "/x</name><target><path>" + path + "</path></target></pool>"),
        "VIR_ERR_XML_ERROR", "XML error: name " + name + "/x cannot contain '/'");
    run.expectRefused("an fs pool without a source device", () -> definePool(run, name,
        "<pool type='fs'><name>" + name + "</name><target><path>" + path + "</path></target></pool>"),
        "VIR_ERR_XML_ERROR", "XML error: missing storage pool source device name");
    run.expectRefused("an fs pool of an unknown file system", () -> definePool(run, name, "<pool type='fs'><name>" + name
        + "</name><source><device path='/dev/x'/><format type='bogus'/></source><target><path>" + path + "</path></target></pool>"),
        "VIR_ERR_CONFIG_UNSUPPORTED", "unsupported configuration: unknown pool format type bogus");
    run.expectRefused("a netfs pool without a host", () -> definePool(run, name,
        "<pool type='netfs'><name>" + name + "</name><source><dir path='/x'/></source><target><path>" + path + "</path></target></pool>"),
        "VIR_ERR_XML_ERROR", "XML error: missing storage pool source host name");
    run.expectRefused("a netfs pool without a directory", () -> definePool(run, name,
        "<pool type='netfs'><name>" + name + "</name><source><host name='h'/></source><target><path>" + path + "</path></target></pool>"),
        "VIR_ERR_XML_ERROR", "XML error: missing storage pool source path");
    run.expectRefused("a dir pool without a target path", () -> definePool(run, name, "<pool type='dir'><name>" + name + "</name></pool>"),
        "VIR_ERR_XML_ERROR", "XML error: missing storage pool target path");
    check(run.kvm().pools().find(name).isEmpty(), "no refused pool is defined");
  }

  static void poolDefaults(ContractRun run) {
    String lv = run.name("lv");
    String x = definePool(run, lv, "<pool type='logical'><name>" + lv + "</name><target><path>/dev/elsewhere</path></target></pool>");
    expectEqual("logical: the volume group is named after the pool", lv, textAt(x, "source", "name"));
    expectEqual("logical: lvm2", "lvm2", attrAt(x, "type", "source", "format"));
    expectEqual("logical: the target is the volume group's /dev path", "/dev/" + lv, textAt(x, "target", "path"));
    String fs = run.name("fs");
    x = definePool(run, fs, "<pool type='fs'><name>" + fs + "</name><source><device path='/dev/x'/></source><target><path>" + dir(run, "fs")
        + "</path></target></pool>");
    expectEqual("fs: the file system probed", "auto", attrAt(x, "type", "source", "format"));
    String nfs = run.name("nfs");
    x = definePool(run, nfs, "<pool type='netfs'><name>" + nfs + "</name><source><host name='127.0.0.1'/><dir path='/x'/></source><target><path>"
        + dir(run, "nfs") + "</path></target></pool>");
    expectEqual("netfs: the file system probed", "auto", attrAt(x, "type", "source", "format"));
    expectEqual("netfs: the source keeps its directory", "/x", attrAt(x, "path", "source", "dir"));
    StoragePool p = started(run, "pool");
    String live = p.liveSpec().toXml();
    expectEqual("an active dir pool's directory mode", "0711", textAt(live, "target", "permissions", "mode"));
    expectEqual("its owner", "0", textAt(live, "target", "permissions", "owner"));
    expectEqual("its group", "0", textAt(live, "target", "permissions", "group"));
  }
}
