package io.kvmsdk.ha.drbd;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.ha.fake.HaFakes;
import io.kvmsdk.core.testing.Proc;
import io.kvmsdk.testkit.FakeHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * drbd-utils 9.22 judges the {@code .res} files and the fake {@code drbdadm}: {@code drbdadm dump}
 * accepts every rendered file on every node (drbdadm acts for {@code uname -n}: each call runs in a
 * UTS namespace named after the node), the fake prints the same {@code -d up} commands, fails the
 * same way, and manages metadata on a loop device as the real one does. The kernel module is
 * missing here, so nothing is brought up for real.
 */
class DrbdOracleTest {
  private Path dir;

  @BeforeEach void scratch() throws IOException {
    Proc.require("drbdadm", "unshare");
    Proc.requireRoot("drbdadm in a UTS namespace");
    dir = Files.createTempDirectory("kvmsdk-ha-drbd");
  }

  @AfterEach void clean() throws IOException {
    if (dir == null) return;
    try (var s = Files.walk(dir)) { s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
  }

  /** drbdadm ARGS run as host {@code node}; stderr without the noise of a machine without the module. */
  static Proc.Result real(String node, String... args) {
    List<String> argv = new ArrayList<>(List.of("unshare", "-u", "sh", "-c", "hostname \"$0\" && exec drbdadm \"$@\"", node));
    argv.addAll(List.of(args));
    Proc.Result r = Proc.run(argv, null, 60);
    String err = r.err().lines().filter(l -> !l.startsWith("modinfo:") && !l.contains(" not found on this host.") && !l.contains(", on " + node + ":"))
        .collect(Collectors.joining("\n"));
    return new Proc.Result(r.rc(), r.out(), err);
  }

  static CommandResult fake(FakeHost host, String... args) {
    return host.run(HostCommand.builder().arg("drbdadm").args(args).build());
  }

  private Path write(DrbdResource r) throws IOException {
    Path f = dir.resolve(r.name() + ".res");
    Files.writeString(f, r.resFile());
    return f;
  }

  @Test void drbdadmDumpAcceptsEveryRenderedFileAndTheFakePrintsTheSameUpCommands() throws IOException {
    SoftAssertions soft = new SoftAssertions();
    for (DrbdResource r : DrbdResourceTest.all()) {
      Path f = write(r);
      for (DrbdHost h : r.hosts()) {
        Proc.Result dump = real(h.name(), "-c", f.toString(), "dump", r.name());
        soft.assertThat(dump.rc()).as("drbdadm dump of %s on %s:\n%s\n%s", r.name(), h.name(), r.resFile(), dump).isZero();
        Proc.Result up = real(h.name(), "-c", f.toString(), "-d", "up", r.name());
        FakeHost host = HaFakes.host(h.name()).withFile(f.toString(), r.resFile());
        CommandResult fu = fake(host, "-c", f.toString(), "-d", "up", r.name());
        soft.assertThat(fu.stdout()).as("-d up of %s on %s", r.name(), h.name()).isEqualTo(up.out());
        soft.assertThat(fu.exitCode()).isEqualTo(up.rc());
        Proc.Result adjust = real(h.name(), "-c", f.toString(), "-d", "adjust", r.name());
        soft.assertThat(fake(host, "-c", f.toString(), "-d", "adjust", r.name()).stdout()).as("-d adjust of %s on %s", r.name(), h.name()).isEqualTo(adjust.out());
      }
    }
    soft.assertAll();
  }

  @Test void drbdadmAgreesWithTheBuildTimeLimits() throws IOException {
    DrbdResource edge = DrbdResourceTest.r0().cramHmacAlg("sha256").sharedSecret("x".repeat(63)).putNetOption("rr-conflict", "retry-connect")
        .putNetOption("csums-alg", "sha256").putDiskOption("on-io-error", "detach").putDiskOption("resync-rate", "100M").build();
    Path f = write(edge);
    Proc.Result ok = real("node1", "-c", f.toString(), "dump", "r0");
    assertThat(ok.rc()).as("%s\n%s", edge.resFile(), ok).isZero();
    // one step past each limit, drbdadm refuses the file as well
    List<String[]> past = List.of(
        new String[] {"\"" + "x".repeat(63) + "\"", "\"" + "x".repeat(64) + "\"", "too long"},
        new String[] {"rr-conflict retry-connect;", "bogus-opt 1;", "bogus-opt"},
        new String[] {"on-io-error detach;", "on-io-error \"}detach{\";", "on-io-error"},
        new String[] {"resource r0 {", "resource r:0 {", "expected"});
    for (String[] p : past) {
      String bad = edge.resFile().replace(p[0], p[1]);
      assertThat(bad).as("replacing %s", p[0]).isNotEqualTo(edge.resFile());
      Path g = dir.resolve("bad.res");
      Files.writeString(g, bad);
      Proc.Result r = real("node1", "-c", g.toString(), "dump", "r0");
      assertThat(r.rc()).as("drbdadm dump of\n%s\n%s", bad, r).isNotZero();
      assertThat(r.err() + r.out()).containsIgnoringCase(p[2]);
    }
  }

  @Test void theFakeFailsAsTheRealOneDoes() throws IOException {
    DrbdResource r = DrbdResourceTest.r0().build();
    Path f = write(r);
    FakeHost node1 = HaFakes.host("node1").withFile(f.toString(), r.resFile());
    FakeHost node9 = HaFakes.host("node9").withFile(f.toString(), r.resFile());
    List<Object[]> cases = List.of(
        new Object[] {"node1", node1, new String[] {"-c", f.toString(), "dump", "nope"}},
        new Object[] {"node9", node9, new String[] {"-c", f.toString(), "dump", "r0"}},
        new Object[] {"node1", node1, new String[] {"-c", f.toString(), "get-gi", "r0/7"}},
        new Object[] {"node1", node1, new String[] {"-c", dir.resolve("missing.res").toString(), "dump", "r0"}},
        new Object[] {"node1", node1, new String[] {"-c", f.toString(), "frobnicate", "r0"}},
        new Object[] {"node1", node1, new String[] {"-c", f.toString(), "get-gi", "r0"}});
    SoftAssertions soft = new SoftAssertions();
    for (Object[] c : cases) {
      String[] args = (String[]) c[2];
      Proc.Result want = real((String) c[0], args);
      CommandResult got = fake((FakeHost) c[1], args);
      soft.assertThat(got.exitCode()).as("exit of drbdadm %s on %s (real: %s)", String.join(" ", args), c[0], want).isEqualTo(want.rc());
      soft.assertThat(got.stderr().strip()).as("stderr of drbdadm %s", String.join(" ", args)).isEqualTo(want.err().strip());
    }
    soft.assertAll();
  }

  @Test void metadataOnALoopDeviceAsTheRealOne() throws IOException {
    Proc.require("losetup");
    Path img = dir.resolve("disk.img");
    Proc.run("truncate", "-s", "64M", img.toString());
    Proc.Result lo = Proc.run("losetup", "-f", "--show", img.toString());
    Oracles.require(lo.ok(), "no free loop device: " + lo);
    String dev = lo.out().strip();
    try {
      DrbdResource r = DrbdResource.builder().name("md").addVolume(DrbdVolume.of(30, dev))
          .addHost("node1", 0, "198.18.0.1").addHost("node2", 1, "198.18.0.2").build();
      Path f = write(r);
      FakeHost host = HaFakes.host("node1").withFile(f.toString(), r.resFile()).withFile(dev, "");
      SoftAssertions soft = new SoftAssertions();
      for (String[] args : List.of(new String[] {"get-gi", "md/0"}, new String[] {"create-md", "md/0"}, new String[] {"get-gi", "md/0"},
          new String[] {"create-md", "md/0"}, new String[] {"dump-md", "md/0"})) {
        List<String> all = new ArrayList<>(List.of("-c", f.toString()));
        all.addAll(List.of(args));
        Proc.Result want = real("node1", all.toArray(String[]::new));
        CommandResult got = fake(host, all.toArray(String[]::new));
        soft.assertThat(got.exitCode()).as("drbdadm %s (real: %s)", String.join(" ", args), want).isEqualTo(want.rc());
      }
      soft.assertAll();
    } finally {
      Proc.run("losetup", "-d", dev);
    }
  }
}
