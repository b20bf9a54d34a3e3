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

  /**
   * Defines each filter of {@code xmls} (each with its own name) in one virsh session and undefines it
   * again; true where libvirt's define accepted it. One session keeps hundreds of samples fast.
   */
  static boolean[] defineAll(String uri, List<String> names, List<String> xmls) {
    try {
      Path dir = Files.createTempDirectory("kvmsdk-nwfilter-batch");
      StringBuilder script = new StringBuilder();
      for (int i = 0; i < xmls.size(); i++) {
        Path f = dir.resolve(i + ".xml");
        Files.writeString(f, xmls.get(i));
        script.append("nwfilter-define ").append(f).append('\n');
        script.append("nwfilter-undefine ").append(names.get(i)).append('\n');
      }
      Path commands = dir.resolve("commands");
      Path output = dir.resolve("output");
      Files.writeString(commands, script);
      // files, not pipes: virsh's output would fill a pipe while its input is still being written
      Process p = new ProcessBuilder("virsh", "-c", uri).redirectInput(commands.toFile()).redirectOutput(output.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("virsh timed out");
      }
      String out = Files.readString(output);
      try (var s = Files.list(dir)) {
        for (Path f : s.toList()) Files.delete(f);
      }
      Files.delete(dir);
      boolean[] ok = new boolean[xmls.size()];
      for (int i = 0; i < ok.length; i++) ok[i] = out.contains("Network filter " + names.get(i) + " defined from");
      return ok;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
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
