package io.kvmsdk.core.internal.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.testing.Oracles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * libvirt's default error handler writes "libvirt: ... error : ..." to the process's file
 * descriptor 2, which System.setErr cannot catch; so the check runs a child JVM and reads its real stderr.
 */
class LibvirtStderrTest {
  static String run(String mode, Path dir) throws Exception {
    Path out = dir.resolve(mode + ".out");
    Path err = dir.resolve(mode + ".err");
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StderrProbe.class.getName(), mode))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(out)).contains("done");
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  @Test void failingCallsPrintNothingOnFd2(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Oracles.require(LibvirtRuntime.missing(Kvm.class.getClassLoader()).isEmpty(), "libvirt0 is not installed");
    // the check can fail: raw libvirt-java, without the SDK's error callback, does print
    assertThat(run("raw", dir)).contains("libvirt:").contains("Domain not found");
    String sdk = run("sdk", dir);
    assertThat(sdk.lines().filter(l -> l.contains("libvirt:")).toList()).as(sdk).isEmpty();
    assertThat(Files.readString(dir.resolve("sdk.out"))).contains("caught NotFoundException").contains("caught LibvirtException");
  }
}
