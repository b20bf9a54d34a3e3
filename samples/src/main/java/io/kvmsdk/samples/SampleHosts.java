package io.kvmsdk.samples;

import io.kvmsdk.core.host.CommandRunner;
import java.util.List;
import java.util.Optional;

/**
 * The testkit's fakes, found by name so that the recipes themselves depend only on the SDK's API (the
 * testkit is on the class path at run time in this module, not at compile time): fake hosts to apply
 * plans to, and a fresh fake world (a {@code FakeCluster} bound to the thread) for each run of a
 * recipe's {@code main}. Without the testkit every method answers empty.
 */
final class SampleHosts {
  private SampleHosts() {}

  /** A fresh fake host named {@code name} with physical NICs {@code nics}, or empty without the testkit. */
  static Optional<CommandRunner> fake(String name, String... nics) {
    try {
      Class<?> c = Class.forName("io.kvmsdk.testkit.FakeHost");
      Object host = c.getMethod("create", String.class).invoke(null, name);
      for (String nic : nics) host = c.getMethod("withPhysicalLink", String.class).invoke(host, nic);
      return Optional.of((CommandRunner) host);
    } catch (ReflectiveOperationException | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * Binds a new, empty fake cluster to this thread unless one is bound already (a test's, which then
   * keeps its faults and its clock); closing the handle unbinds it. Empty without the testkit.
   */
  static Optional<AutoCloseable> freshFakeWorld() {
    try {
      Class<?> c = Class.forName("io.kvmsdk.testkit.FakeCluster");
      Object current = c.getMethod("current").invoke(null);
      if (current != c.getMethod("shared").invoke(null)) return Optional.of(() -> { });
      Object cluster = c.getMethod("create").invoke(null);
      AutoCloseable binding = (AutoCloseable) c.getMethod("bind").invoke(cluster);
      return Optional.of(binding);
    } catch (ReflectiveOperationException | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * Host {@code name} of the fake cluster bound to this thread (the one {@code fake:///name} reaches,
   * so a test's faults apply), with physical NICs {@code nics} and the fakes of the HA tools
   * (keepalived, drbdadm, install/cmp/mv/rm, pgrep/pkill) when kvm-sdk-ha is on the class path and
   * {@code sed} from kvm-sdk-storage (the storage tools themselves come from the class path).
   */
  static Optional<CommandRunner> clusterHost(String name, String... nics) {
    try {
      Class<?> c = Class.forName("io.kvmsdk.testkit.FakeCluster");
      Object cluster = c.getMethod("current").invoke(null);
      Object host = c.getMethod("host", String.class).invoke(cluster, name);
      Class<?> h = host.getClass();
      for (String nic : nics) {
        if (!(Boolean) h.getMethod("hasLink", String.class).invoke(host, nic)) h.getMethod("withPhysicalLink", String.class).invoke(host, nic);
      }
      Class<?> tool = Class.forName("io.kvmsdk.testkit.host.FakeTool");
      for (Object t : haTools()) h.getMethod("withTool", tool).invoke(host, t);
      for (Object t : storageTools()) h.getMethod("withTool", tool).invoke(host, t);
      return Optional.of((CommandRunner) host);
    } catch (ReflectiveOperationException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Puts file {@code path} on host {@code name} of the bound fake cluster (see {@link #clusterHost}); nothing without the testkit. */
  static void clusterFile(String name, String path, String content) {
    clusterHost(name).ifPresent(h -> {
      try {
        h.getClass().getMethod("withFile", String.class, String.class).invoke(h, path, content);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the testkit's FakeHost has no withFile(String, String)", e);
      }
    });
  }

  /**
   * Changes the fake state {@code slotField} of class {@code toolClass} (e.g. {@code Tgtadm.TGTD})
   * of host {@code name} of the bound fake cluster: {@code change} gets the state object. Nothing
   * without the testkit.
   */
  static void clusterState(String name, String toolClass, String slotField, java.util.function.Consumer<Object> change) {
    clusterHost(name).ifPresent(h -> {
      try {
        Object slot = Class.forName(toolClass).getField(slotField).get(null);
        java.lang.reflect.Method withState = java.util.Arrays.stream(h.getClass().getMethods())
            .filter(m -> m.getName().equals("withState") && m.getParameterCount() == 2).findFirst().orElseThrow();
        withState.invoke(h, slot, change);
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IllegalStateException("cannot set " + slotField + " of " + toolClass + " on fake host " + name, e);
      }
    });
  }

  /** Calls {@code method} of {@code target} with {@code args} (the fakes' state objects, not compiled against). */
  static Object call(Object target, String method, Object... args) {
    for (java.lang.reflect.Method m : target.getClass().getMethods()) {
      if (!m.getName().equals(method) || m.getParameterCount() != args.length) continue;
      try {
        return m.invoke(target, args);
      } catch (IllegalArgumentException wrongOverload) {
        continue;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(target.getClass().getSimpleName() + "." + method + " failed", e);
      }
    }
    throw new IllegalStateException(target.getClass().getSimpleName() + " has no " + method + " taking " + args.length + " argument(s)");
  }

  /** Gives host {@code name} of the bound fake cluster a disk {@code path} of {@code size} (for the fake LVM tools). */
  static void clusterDisk(String name, String path, io.kvmsdk.core.Size size) {
    clusterState(name, "io.kvmsdk.storage.fake.BlockDevices", "SLOT", d -> call(d, "add", path, size.bytes()));
    clusterFile(name, path, "");
  }

  /**
   * Makes resource {@code res} (up on fake host {@code name} of the bound fake cluster) look in sync,
   * as after its initial sync: the fake drbdadm models no replication, so its {@code primary} would
   * otherwise need {@code --force}. Nothing without the testkit and kvm-sdk-ha's fakes; a resource
   * that is not up is left alone.
   */
  static void fakeDrbdInSync(String name, String res) {
    try {
      Class.forName("io.kvmsdk.ha.fake.DrbdState");
    } catch (ClassNotFoundException | LinkageError noFakes) {
      return;
    }
    clusterState(name, "io.kvmsdk.ha.fake.DrbdState", "SLOT", state -> {
      Object up = ((Optional<?>) call(state, "up", res)).orElse(null);
      if (up == null) return;
      try {
        Class<?> upType = up.getClass();
        Object synced = upType.getConstructor(String.class, String.class, boolean.class)
            .newInstance(call(up, "config"), call(up, "role"), true);
        java.lang.reflect.Method setUp = state.getClass().getDeclaredMethod("setUp", String.class, upType);
        setUp.setAccessible(true);   // the fake's own setter, package-private: the fake has no public "synced" switch
        setUp.invoke(state, res, synced);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot mark DRBD " + res + " in sync on fake host " + name, e);
      }
    });
  }

  private static List<?> storageTools() {
    try {
      return (List<?>) Class.forName("io.kvmsdk.storage.fake.StorageFakes").getMethod("genericTools").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return List.of();
    }
  }

  private static List<?> haTools() {
    try {
      return (List<?>) Class.forName("io.kvmsdk.ha.fake.HaFakes").getMethod("tools").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return List.of();
    }
  }
}
