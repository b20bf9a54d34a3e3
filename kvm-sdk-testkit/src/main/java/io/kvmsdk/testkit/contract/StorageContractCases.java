package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractCapability.STORAGE;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;
import static io.kvmsdk.testkit.contract.ContractXml.attrAt;
import static io.kvmsdk.testkit.contract.ContractXml.attrs;
import static io.kvmsdk.testkit.contract.ContractXml.el;
import static io.kvmsdk.testkit.contract.ContractXml.text;
import static io.kvmsdk.testkit.contract.ContractXml.textAt;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Contract cases of area {@code storage}: {@code dir} storage pools under {@code /tmp} and their
 * volumes, as libvirt's storage driver keeps them. Every directory a case builds is deleted again.
 * Cases needing {@link ContractCapability#QEMU_DRIVER} check what the test driver does not: real
 * directories, and the refusal to autostart a transient pool.
 */
final class StorageContractCases {
  private StorageContractCases() {}

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("storage", "a dir pool is built, started, stopped, deleted and undefined", StorageContractCases::lifecycle, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "starting or building an active pool is refused", StorageContractCases::startActive, STORAGE),
        ContractCase.of("storage", "destroying or refreshing an inactive pool is refused", StorageContractCases::destroyInactive, STORAGE),
        ContractCase.of("storage", "undefining or deleting an active pool is refused", StorageContractCases::undefineActive, STORAGE),
        ContractCase.of("storage", "defining a pool's name, UUID or directory again is refused", StorageContractCases::duplicates, STORAGE),
        ContractCase.of("storage", "a transient pool vanishes when destroyed", StorageContractCases::transientVanishes, STORAGE),
        ContractCase.of("storage", "a transient pool has no autostart", StorageContractCases::transientAutostart, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "volumes are created, listed, described and deleted", StorageContractCases::volumes, STORAGE),
        ContractCase.of("storage", "a volume name in use is refused", StorageContractCases::duplicateVolume, STORAGE),
        ContractCase.of("storage", "the volumes of an inactive pool are out of reach until it starts again", StorageContractCases::inactiveVolumes, STORAGE),
        ContractCase.of("storage", "deleting a pool needs its directory empty", StorageContractCases::deleteNonEmpty, STORAGE, QEMU_DRIVER),
        ContractCase.of("storage", "a missing pool or volume is not found", StorageContractCases::missing, STORAGE));
  }

  /** A directory unique to the run: {@code /tmp/kvmsdk-ct-1a2b3c4d-STEM}. */
  static String dir(ContractRun run, String stem) { return "/tmp/" + run.name(stem); }

  /** A {@code dir} pool definition; {@code uuid} may be null. */
  static String pool(String name, String uuid, String path) {
    List<XmlElement> kids = new ArrayList<>();
    kids.add(text("name", name));
    if (uuid != null) kids.add(text("uuid", uuid));
    kids.add(el("target", text("path", path)));
    return el("pool", attrs("type", "dir"), kids.toArray(new XmlElement[0])).toXml();
  }

  /** A volume of {@code capacity} in {@code unit}, of {@code format} (null: the pool's default). */
  static String volume(String name, long capacity, String unit, String format) {
    XmlElement cap = XmlElement.builder("capacity").attr("unit", unit).text(Long.toString(capacity)).build();
    return format == null ? el("volume", text("name", name), cap).toXml()
        : el("volume", text("name", name), cap, el("target", el("format", attrs("type", format)))).toXml();
  }

  /**
   * When the case ends: deletes pool {@code name}'s volumes, stops it, removes its directory and
   * undefines it; a pool already gone is defined again over {@code path} to remove the directory.
   */
  static void cleanUp(ContractRun run, String name, String path) {
    Hypervisor hv = run.kvm().hypervisor();
    run.onClose(() -> {
      if (hv.lookupStoragePool(name).isEmpty()) {
        try {
          hv.defineStoragePool(pool(name, null, path));
        } catch (RuntimeException e) {
          return;
        }
      }
      if (!hv.isStoragePoolActive(name)) {
        try {
          hv.startStoragePool(name);
        } catch (RuntimeException e) {
          // the directory is gone already
        }
      }
      if (hv.isStoragePoolActive(name)) {
        for (String v : hv.listStorageVolumes(name)) hv.deleteStorageVolume(name, v);
        hv.destroyStoragePool(name);
      }
      if (hv.lookupStoragePool(name).isEmpty()) hv.defineStoragePool(pool(name, null, path));   // it was transient
      try {
        hv.deleteStoragePool(name);
      } catch (RuntimeException e) {
        // never built
      }
      if (hv.isStoragePoolPersistent(name)) hv.undefineStoragePool(name);
    });
  }

  /** Defines, builds and starts a dir pool of the run; cleaned up at the end. */
  static String started(ContractRun run, String stem) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name(stem);
    String path = dir(run, stem);
    cleanUp(run, name, path);
    hv.defineStoragePool(pool(name, null, path));
    hv.buildStoragePool(name);
    hv.startStoragePool(name);
    return name;
  }

  static void lifecycle(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("pool");
    String path = dir(run, "pool");
    cleanUp(run, name, path);
    expectEqual("defineStoragePool returns the name", name, hv.defineStoragePool(pool(name, null, path)));
    Hypervisor.StoragePoolRef ref = hv.lookupStoragePool(name).orElseThrow(() -> new AssertionError("a defined pool is found"));
    check(ref.uuid().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "libvirt gives a pool without one a UUID, got " + ref.uuid());
    check(hv.listStoragePools().contains(name), "a defined pool is listed: " + hv.listStoragePools());
    expectEqual("active after define", false, hv.isStoragePoolActive(name));
    expectEqual("persistent after define", true, hv.isStoragePoolPersistent(name));
    expectEqual("autostart after define", false, hv.storagePoolAutostart(name));
    String xml = hv.storagePoolXml(name, false);
    expectEqual("XML type", "dir", XmlElement.parse(xml).attr("type"));
    expectEqual("XML uuid", ref.uuid(), textAt(xml, "uuid"));
    expectEqual("XML target path", path, textAt(xml, "target", "path"));
    expectEqual("an inactive pool's capacity", "0", textAt(xml, "capacity"));
    run.expectRefused("start before the directory exists", () -> hv.startStoragePool(name),
        "VIR_ERR_SYSTEM_ERROR", "cannot open directory '" + path + "': No such file or directory");
    hv.buildStoragePool(name);
    hv.buildStoragePool(name);   // building an existing directory again is fine
    hv.startStoragePool(name);
    expectEqual("active after start", true, hv.isStoragePoolActive(name));
    check(Long.parseLong(textAt(hv.storagePoolXml(name, false), "capacity")) > 0, "an active pool reports its capacity");
    hv.refreshStoragePool(name);
    hv.setStoragePoolAutostart(name, true);
    expectEqual("autostart set", true, hv.storagePoolAutostart(name));
    hv.setStoragePoolAutostart(name, false);
    hv.destroyStoragePool(name);
    expectEqual("active after destroy", false, hv.isStoragePoolActive(name));
    hv.deleteStoragePool(name);
    run.expectRefused("start once its directory is deleted", () -> hv.startStoragePool(name),
        "VIR_ERR_SYSTEM_ERROR", "cannot open directory '" + path + "': No such file or directory");
    run.expectRefused("delete it again", () -> hv.deleteStoragePool(name),
        "VIR_ERR_SYSTEM_ERROR", "failed to remove pool '" + path + "': No such file or directory");
    hv.undefineStoragePool(name);
    check(hv.lookupStoragePool(name).isEmpty(), "an undefined pool is gone");
  }

  static void startActive(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = started(run, "pool");
    String msg = "Requested operation is not valid: storage pool '" + name + "' is already active";
    run.expectRefused("start an active pool", () -> hv.startStoragePool(name), "VIR_ERR_OPERATION_INVALID", msg);
    run.expectRefused("build an active pool", () -> hv.buildStoragePool(name), "VIR_ERR_OPERATION_INVALID", msg);
    expectEqual("still active", true, hv.isStoragePoolActive(name));
  }

  static void destroyInactive(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = started(run, "pool");
    hv.destroyStoragePool(name);
    String msg = "Requested operation is not valid: storage pool '" + name + "' is not active";
    run.expectRefused("destroy an inactive pool", () -> hv.destroyStoragePool(name), "VIR_ERR_OPERATION_INVALID", msg);
    run.expectRefused("refresh an inactive pool", () -> hv.refreshStoragePool(name), "VIR_ERR_OPERATION_INVALID", msg);
  }

  static void undefineActive(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = started(run, "pool");
    String msg = "Requested operation is not valid: storage pool '" + name + "' is still active";
    run.expectRefused("undefine an active pool", () -> hv.undefineStoragePool(name), "VIR_ERR_OPERATION_INVALID", msg);
    run.expectRefused("delete an active pool", () -> hv.deleteStoragePool(name), "VIR_ERR_OPERATION_INVALID", msg);
    expectEqual("still persistent", true, hv.isStoragePoolPersistent(name));
  }

  static void duplicates(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("pool");
    String path = dir(run, "pool");
    String uuid = UUID.randomUUID().toString();
    cleanUp(run, name, path);
    hv.defineStoragePool(pool(name, uuid, path));
    run.expectRefused("define the name with another UUID", () -> hv.defineStoragePool(pool(name, UUID.randomUUID().toString(), path + "-b")),
        "VIR_ERR_OPERATION_FAILED", "operation failed: pool '" + name + "' already exists with uuid " + uuid);
    run.expectRefused("define the same XML without a UUID (libvirt gives it a fresh one)", () -> hv.defineStoragePool(pool(name, null, path)),
        "VIR_ERR_OPERATION_FAILED", "operation failed: pool '" + name + "' already exists with uuid " + uuid);
    String other = run.name("pool-other");
    cleanUp(run, other, path + "-other");
    run.expectRefused("define another name with the UUID", () -> hv.defineStoragePool(pool(other, uuid, path + "-other")),
        "VIR_ERR_OPERATION_FAILED", "operation failed: pool '" + name + "' is already defined with uuid " + uuid);
    run.expectRefused("define another pool on the directory", () -> hv.defineStoragePool(pool(other, null, path)),
        "VIR_ERR_OPERATION_FAILED", "operation failed: Storage source conflict with pool: '" + name + "'");
    check(hv.lookupStoragePool(other).isEmpty(), "no refused pool is defined");
    expectEqual("redefine with the same UUID", name, hv.defineStoragePool(pool(name, uuid, path)));
  }

  static void transientVanishes(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("pool");
    String path = dir(run, "pool");
    cleanUp(run, name, path);
    hv.defineStoragePool(pool(name, null, path));
    hv.buildStoragePool(name);
    hv.undefineStoragePool(name);   // the directory stays
    expectEqual("createStoragePool returns the name", name, hv.createStoragePool(pool(name, null, path)));
    expectEqual("active after create", true, hv.isStoragePoolActive(name));
    expectEqual("persistent after create", false, hv.isStoragePoolPersistent(name));
    run.expectRefused("create it again while active", () -> hv.createStoragePool(pool(name, hv.lookupStoragePool(name).orElseThrow().uuid(), path)),
        "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: pool is already active as '" + name + "'");
    run.expectRefused("undefine a transient pool", () -> hv.undefineStoragePool(name),
        "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: storage pool '" + name + "' is still active");
    hv.destroyStoragePool(name);
    check(hv.lookupStoragePool(name).isEmpty(), "a destroyed transient pool is gone");
    check(!hv.listStoragePools().contains(name), "a destroyed transient pool is not listed");
  }

  static void transientAutostart(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("pool");
    String path = dir(run, "pool");
    cleanUp(run, name, path);
    hv.defineStoragePool(pool(name, null, path));
    hv.buildStoragePool(name);
    hv.undefineStoragePool(name);
    hv.createStoragePool(pool(name, null, path));
    run.expectRefused("autostart a transient pool", () -> hv.setStoragePoolAutostart(name, true),
        "VIR_ERR_INTERNAL_ERROR", "internal error: pool has no config file");
    expectEqual("autostart", false, hv.storagePoolAutostart(name));
  }

  static void volumes(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = started(run, "pool");
    String path = dir(run, "pool");
    expectEqual("createStorageVolume returns the name", "disk.img", hv.createStorageVolume(name, volume("disk.img", 1, "MiB", null)));
    expectEqual("a qcow2 volume", "disk.qcow2", hv.createStorageVolume(name, volume("disk.qcow2", 16, "MiB", "qcow2")));
    expectEqual("listed", Set.of("disk.img", "disk.qcow2"), Set.copyOf(hv.listStorageVolumes(name)));
    String raw = hv.storageVolumeXml(name, "disk.img");
    expectEqual("raw name", "disk.img", textAt(raw, "name"));
    expectEqual("raw key (its path)", path + "/disk.img", textAt(raw, "key"));
    expectEqual("raw path", path + "/disk.img", textAt(raw, "target", "path"));
    expectEqual("raw capacity, in bytes", "1048576", textAt(raw, "capacity"));
    expectEqual("raw capacity unit", "bytes", attrAt(raw, "unit", "capacity"));
    expectEqual("raw allocation (fully allocated)", "1048576", textAt(raw, "allocation"));
    expectEqual("raw format (the dir pool's default)", "raw", attrAt(raw, "type", "target", "format"));
    String qcow2 = hv.storageVolumeXml(name, "disk.qcow2");
    expectEqual("qcow2 capacity", "16777216", textAt(qcow2, "capacity"));
    expectEqual("qcow2 format", "qcow2", attrAt(qcow2, "type", "target", "format"));
    hv.deleteStorageVolume(name, "disk.img");
    expectEqual("listed after delete", List.of("disk.qcow2"), hv.listStorageVolumes(name));
    run.expectNotFound("delete it again", () -> hv.deleteStorageVolume(name, "disk.img"), "storage volume", name + "/disk.img");
  }

  static void duplicateVolume(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = started(run, "pool");
    hv.createStorageVolume(name, volume("disk.img", 1, "MiB", null));
    run.expectRefused("create the volume again", () -> hv.createStorageVolume(name, volume("disk.img", 2, "MiB", "qcow2")),
        "VIR_ERR_STORAGE_VOL_EXIST", "storage volume 'disk.img' exists already");
    expectEqual("the volume keeps its capacity", "1048576", textAt(hv.storageVolumeXml(name, "disk.img"), "capacity"));
  }

  static void inactiveVolumes(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = started(run, "pool");
    hv.createStorageVolume(name, volume("disk.img", 1, "MiB", null));
    hv.destroyStoragePool(name);
    String msg = "Requested operation is not valid: storage pool '" + name + "' is not active";
    run.expectRefused("create a volume", () -> hv.createStorageVolume(name, volume("more.img", 1, "MiB", null)), "VIR_ERR_OPERATION_INVALID", msg);
    run.expectRefused("list the volumes", () -> hv.listStorageVolumes(name), "VIR_ERR_OPERATION_INVALID", msg);
    run.expectRefused("describe a volume", () -> hv.storageVolumeXml(name, "disk.img"), "VIR_ERR_OPERATION_INVALID", msg);
    run.expectRefused("delete a volume", () -> hv.deleteStorageVolume(name, "disk.img"), "VIR_ERR_OPERATION_INVALID", msg);
    hv.startStoragePool(name);
    expectEqual("the volumes are back", List.of("disk.img"), hv.listStorageVolumes(name));
  }

  static void deleteNonEmpty(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = started(run, "pool");
    String path = dir(run, "pool");
    hv.createStorageVolume(name, volume("disk.img", 1, "MiB", null));
    hv.destroyStoragePool(name);
    run.expectRefused("delete a pool with a volume", () -> hv.deleteStoragePool(name),
        "VIR_ERR_SYSTEM_ERROR", "failed to remove pool '" + path + "': Directory not empty");
    hv.startStoragePool(name);
    hv.deleteStorageVolume(name, "disk.img");
    hv.destroyStoragePool(name);
    hv.deleteStoragePool(name);
  }

  static void missing(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("nopool");
    check(hv.lookupStoragePool(name).isEmpty(), "a missing pool is not looked up");
    run.expectNotFound("start", () -> hv.startStoragePool(name), "storage pool", name);
    run.expectNotFound("XML", () -> hv.storagePoolXml(name, false), "storage pool", name);
    run.expectNotFound("create a volume", () -> hv.createStorageVolume(name, volume("disk.img", 1, "MiB", null)), "storage pool", name);
    run.expectNotFound("a volume's XML", () -> hv.storageVolumeXml(name, "disk.img"), "storage pool", name);
    String pool = started(run, "pool");
    NotFoundException e = run.expectNotFound("a missing volume's XML", () -> hv.storageVolumeXml(pool, "nope.img"), "storage volume", pool + "/nope.img");
    if (run.has(QEMU_DRIVER)) {
      expectEqual("libvirt's message", "Storage volume not found: no storage vol with matching name 'nope.img'",
          ((io.kvmsdk.core.LibvirtException) e.getCause()).libvirtMessage());
    }
  }
}
