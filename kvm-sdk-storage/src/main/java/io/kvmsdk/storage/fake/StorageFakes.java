package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.host.FakeTool;
import java.util.List;

/** The fake tools the storage plans need, and fake hosts that have them all. */
public final class StorageFakes {
  private StorageFakes() {}

  /**
   * The generic tool the plans' checks use that a fake host lacks ({@code sed}): not on the class
   * path's tool list, since other modules may bring their own ({@code install}, {@code cmp},
   * {@code mv}, {@code rm} are the testkit's own). The storage tools themselves (tgtadm, iscsiadm,
   * the LVM and ZFS tools, gluster, exportfs, multipathd) are found on the class path.
   */
  public static List<FakeTool> genericTools() { return List.of(new Sed()); }

  /** A fake host named {@code name} with the storage tools and {@link #genericTools()}; no tgtd runs yet. */
  public static FakeHost host(String name) {
    FakeHost h = FakeHost.create(name);
    for (FakeTool t : genericTools()) h.withTool(t);
    return h;
  }

  /** A fake host named {@code name} with a tgtd on control port 0 serving {@code portals} (default {@code 0.0.0.0:3260}). */
  public static FakeHost tgtHost(String name, String... portals) {
    return host(name).withState(Tgtadm.TGTD, s -> s.start(0, portals));
  }

  /** Gives {@code host} a disk {@code path} of {@code size} (for the LVM and ZFS tools) and the device file; returns the host. */
  public static FakeHost withDisk(FakeHost host, String path, io.kvmsdk.core.Size size) {
    return host.withState(BlockDevices.SLOT, d -> d.add(path, size.bytes())).withFile(path, "");
  }

  /** {@link #tgtHost} as a plain {@link CommandRunner}, for code that does not compile against the testkit. */
  public static CommandRunner tgtRunner(String name, String... portals) { return tgtHost(name, portals); }

  /** A fake host whose open-iscsi reaches {@code targets} on their portals, as a plain {@link CommandRunner}. */
  public static CommandRunner initiatorRunner(String name, io.kvmsdk.storage.iscsi.IscsiTarget... targets) {
    FakeHost h = host(name);
    for (io.kvmsdk.storage.iscsi.IscsiTarget t : targets) h.withState(Iscsiadm.STATE, s -> s.expose(t));
    return h;
  }

  /** A fake host with {@code disks} (path to size) and the directories {@code dirs}, as a plain {@link CommandRunner}. */
  public static CommandRunner storageRunner(String name, java.util.Map<String, io.kvmsdk.core.Size> disks, String... dirs) {
    FakeHost h = host(name);
    disks.forEach((path, size) -> withDisk(h, path, size));
    for (String d : dirs) h.withFile(d + "/.keep", "");
    return h;
  }
}
