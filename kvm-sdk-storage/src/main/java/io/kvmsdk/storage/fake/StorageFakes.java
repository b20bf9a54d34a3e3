package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.host.FakeTool;
import java.util.List;

/** The fake tools the storage plans need, and fake hosts that have them all. */
public final class StorageFakes {
  private StorageFakes() {}

  /**
   * The generic tools the plans' checks and file steps use ({@code sed}, {@code install},
   * {@code cmp}, {@code rm}): not on the class path's tool list, since other modules may bring
   * their own. The storage tools themselves (tgtadm, iscsiadm, the LVM and ZFS tools, gluster,
   * exportfs, multipathd) are found on the class path.
   */
  public static List<FakeTool> genericTools() { return List.of(new Sed(), new FileTools()); }

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
}
