package io.kvmsdk.core.network;

import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * virsh as the oracle for network documents: {@code test:///default} (libvirt's parser on the test
 * driver, always there when libvirt is) and, when {@code KVM_SDK_LIBVIRT_URI} names a private
 * libvirtd (scripts/oracles.sh start), the real network driver.
 */
final class VirshNet {
  private VirshNet() {}

  static final String TEST = "test:///default";

  record Result(int rc, String out) {
    boolean ok() { return rc == 0 && !out.contains("error:"); }

    /** Whether the define itself succeeded (whatever became of the dump after it). */
    boolean defined() { return !out.contains("Failed to define network"); }
  }

  static boolean virshInstalled() { return Files.isExecutable(Path.of("/usr/bin/virsh")); }

  /** Skips (fails in CI) unless virsh is installed. */
  static void requireVirsh() { Oracles.require(virshInstalled(), "virsh is not installed (apt-get install libvirt-clients libvirt-daemon)"); }

  /** The private libvirtd's URI, or a skip (failure in CI) naming how to start it. */
  static String requireDaemon() {
    requireVirsh();
    String u = System.getProperty("kvmsdk.libvirtUri", System.getenv("KVM_SDK_LIBVIRT_URI"));
    Oracles.require(u != null && !u.isBlank(), "no libvirtd URI (set KVM_SDK_LIBVIRT_URI: bash scripts/oracles.sh start)");
    return u;
  }

  /** The private libvirtd's URI when one is configured, else null (no skip). */
  static String daemonOrNull() {
    String u = System.getProperty("kvmsdk.libvirtUri", System.getenv("KVM_SDK_LIBVIRT_URI"));
    return u == null || u.isBlank() || !virshInstalled() ? null : u;
  }

  static Result virsh(String uri, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("virsh timed out: " + argv);
    }
    return new Result(p.exitValue(), out);
  }

  /**
   * Defines {@code xml} as network {@code name} on {@code uri}; on success the result's output is
   * libvirt's own inactive XML of it (net-dumpxml). The network is undefined again.
   */
  static Result define(String uri, String name, String xml) throws IOException, InterruptedException {
    Path f = Files.createTempFile("kvmsdk-net", ".xml");
    try {
      Files.writeString(f, xml);
      if (uri.equals(TEST)) {
        // the test driver forgets everything between connections: define and dump in one session
        Result r = virsh(uri, "net-define " + f + " ; net-dumpxml " + name);
        return r;
      }
      Result r = virsh(uri, "net-define", f.toString());
      if (!r.ok()) return r;
      Result dump = virsh(uri, "net-dumpxml", "--inactive", name);
      virsh(uri, "net-undefine", name);
      return dump;
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
