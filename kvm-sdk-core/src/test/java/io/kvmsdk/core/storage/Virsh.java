package io.kvmsdk.core.storage;

import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** virsh as the oracle of the storage tests: libvirt's test driver, and the private libvirtd when one runs. */
final class Virsh {
  private Virsh() {}

  static final String TEST = "test:///default";

  /** The test driver's own dir pool, present in every fresh {@code test:///default} connection. */
  static final String TEST_POOL = "default-pool";

  record Result(int rc, String out) {
    boolean ok() { return rc == 0; }
  }

  /** virsh must be installed, or the test skips (fails in CI). */
  static void require() {
    Oracles.require(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh is not installed (libvirt-clients)");
  }

  /** The private libvirtd's URI ({@code KVM_SDK_LIBVIRT_URI}, written by scripts/oracles.sh start), or a skip. */
  static String daemonUri() {
    require();
    String u = System.getProperty("kvmsdk.libvirtUri", System.getenv("KVM_SDK_LIBVIRT_URI"));
    Oracles.require(u != null && !u.isBlank(), "no libvirtd URI (set KVM_SDK_LIBVIRT_URI: bash scripts/oracles.sh start)");
    return u;
  }

  static Result run(String uri, String... args) {
    List<String> argv = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
    argv.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("virsh timed out: " + argv);
      }
      return new Result(p.exitValue(), out.trim());
    } catch (IOException e) {
      throw new AssertionError("cannot run virsh " + argv, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs {@code virsh <command> FILE [args]} with {@code xml} in a temporary file. */
  static Result withFile(String uri, String xml, String command, String... more) {
    try {
      Path f = Files.createTempFile("kvmsdk-storage", ".xml");
      try {
        Files.writeString(f, xml);
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(List.of(more));
        args.add(f.toString());
        if (command.equals("vol-create")) { // virsh vol-create POOL FILE
          args = new ArrayList<>(List.of(command));
          args.addAll(List.of(more));
          args.add(f.toString());
        }
        return run(uri, args.toArray(String[]::new));
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code pool-define} on {@code uri}; on success the pool is undefined again. */
  static Result poolDefine(String uri, String xml, String name) {
    Result r = withFile(uri, xml, "pool-define");
    if (r.ok() && !uri.equals(TEST)) run(uri, "pool-undefine", name);
    return r;
  }

  /** {@code vol-create} in {@code pool}; on success the volume is deleted again. */
  static Result volCreate(String uri, String pool, String xml, String name) {
    Result r = withFile(uri, xml, "vol-create", pool);
    if (r.ok() && !uri.equals(TEST)) run(uri, "vol-delete", "--pool", pool, name);
    return r;
  }
}
