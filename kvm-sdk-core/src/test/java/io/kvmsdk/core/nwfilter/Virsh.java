package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real libvirtd as the oracle for nwfilter documents, through virsh. Needs a libvirtd URI in
 * {@code KVM_SDK_LIBVIRT_URI} (scripts/oracles.sh start) or {@code -Dkvmsdk.libvirtUri}; the test
 * driver (test:///default) has no nwfilter driver. Skipped otherwise (failed in CI).
 */
final class Virsh {
  private Virsh() {}

  record Result(int rc, String out) {
    boolean ok() { return rc == 0; }
  }

  static String uri() {
    String u = System.getProperty("kvmsdk.libvirtUri", System.getenv("KVM_SDK_LIBVIRT_URI"));
    Oracles.require(u != null && !u.isBlank(), "no libvirtd URI (set KVM_SDK_LIBVIRT_URI: bash scripts/oracles.sh start)");
    Oracles.require(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh is not installed");
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
      throw new AssertionError("virsh failed to run: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Result withFile(String xml, String uri, String... cmd) {
    try {
      Path f = Files.createTempFile("kvmsdk-nwfilter", ".xml");
      try {
        Files.writeString(f, xml);
        String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
        args[cmd.length] = f.toString();
        return run(uri, args);
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code nwfilter-define}; on success the dumped XML is returned and the filter undefined again. */
  static Result define(String uri, String name, String xml) {
    Result r = withFile(xml, uri, "nwfilter-define");
    if (!r.ok()) return r;
    Result dump = run(uri, "nwfilter-dumpxml", name);
    run(uri, "nwfilter-undefine", name);
    return dump;
  }

  /** {@code nwfilter-binding-create}; on success the dumped XML is returned and the binding deleted again. */
  static Result createBinding(String uri, String portdev, String xml) {
    Result r = withFile(xml, uri, "nwfilter-binding-create");
    if (!r.ok()) return r;
    Result dump = run(uri, "nwfilter-binding-dumpxml", portdev);
    run(uri, "nwfilter-binding-delete", portdev);
    return dump;
  }
}
