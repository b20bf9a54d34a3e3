package io.kvmsdk.network.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bird 2.0.12 as the oracle: every rendered config passes {@code bird -p}, and a hypervisor and two
 * top-of-rack routers in three namespaces establish BGP sessions (with BFD), the hypervisor installs
 * an ECMP route over both, the routers learn its VIP, and one link going down leaves one next hop.
 */
class BirdLiveTest {
  private final List<Process> birds = new ArrayList<>();
  private final List<Netns> namespaces = new ArrayList<>();
  private Path dir;

  @BeforeEach void tempDir() throws IOException { dir = Files.createTempDirectory("n2-bird"); }

  @AfterEach void cleanUp() throws IOException {
    for (Process p : birds) {
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Netns n : namespaces) n.close();
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  static List<BirdConfig> variants() {
    return List.of(BirdConfigTest.hypervisor(),
        BirdConfig.builder().routerId("10.0.0.1").localAs(4200000001L).addNeighbor(BgpNeighbor.of("static", "10.0.0.2", 4200000001L))
            .build(),
        BirdConfig.builder().routerId("10.0.0.1").localAs(65000).ecmp(false).bfd(true)
            .addNeighbor(BgpNeighbor.builder().name("bgp").address("10.0.1.2").remoteAs(65001).bfd(false).multihop(2).sourceAddress("10.0.0.1").build())
            .addNeighbor(BgpNeighbor.of("kernel", "10.0.2.2", 65002)).addAnnounce("10.10.0.0/16").addAnnounce("10.20.0.0/16")
            .addAccept("0.0.0.0/0").bfdIntervalMs(50).bfdMultiplier(5).connectRetrySeconds(30).build());
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test void everyRenderedConfigPassesBirdParse() {
    Proc.require("bird");
    int i = 0;
    for (BirdConfig c : variants()) {
      Path f = write("v" + i++ + ".conf", c.birdConf());
      Proc.Result r = Proc.run("bird", "-p", "-c", f.toString());
      assertThat(r.ok()).as("bird -p of\n%s\n%s", c.birdConf(), r).isTrue();
    }
    Path bad = write("bad.conf", variants().get(0).birdConf().replace("merge paths yes limit 4", "merge paths yes limit 400"));
    assertThat(Proc.run("bird", "-p", "-c", bad.toString()).ok()).as("the oracle can fail").isFalse();
  }

  private Netns ns(String what) {
    Netns n = Netns.create(what);
    namespaces.add(n);
    return n;
  }

  private void start(Netns ns, String name, BirdConfig c) throws IOException {
    Path conf = write(name + ".conf", c.birdConf());
    birds.add(new ProcessBuilder(ns.wrap(List.of("bird", "-f", "-c", conf.toString(), "-s", dir.resolve(name + ".ctl").toString(),
        "-P", dir.resolve(name + ".pid").toString()))).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start());
  }

  private String birdc(String name, String... cmd) {
    List<String> argv = new ArrayList<>(List.of("birdc", "-s", dir.resolve(name + ".ctl").toString()));
    argv.addAll(List.of(cmd));
    return Proc.run(argv, null, 10).out();
  }

  private static void await(String what, java.util.function.BooleanSupplier ok, int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > until) throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
      Thread.sleep(200);
    }
  }

  /**
   * bird gives the kernel the password's UTF-8 bytes as the TCP-MD5 key, which holds at most 80: 40 'é' (80 bytes) are
   * taken, 41 (82 bytes, 41 characters) make bird log "The password for TCP MD5 Signature is too long" and the session
   * never starts. The spec counts bytes, so it refuses the second at build.
   */
  @Test void aPasswordIsAtMost80BytesAsTheKernelsMd5Key() throws Exception {
    Proc.require("bird", "ip");
    String fits = "\u00e9".repeat(40);
    String tooLong = "\u00e8".repeat(41);
    BirdConfig c = BirdConfig.builder().routerId("198.18.9.1").localAs(65001)
        .addNeighbor(BgpNeighbor.builder().name("tor1").address("198.18.9.2").remoteAs(65101).password(fits).build())
        .addNeighbor(BgpNeighbor.builder().name("tor2").address("198.18.9.3").remoteAs(65102).password("\u00e8".repeat(40)).build()).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.copy(b -> b.neighbors(List.of(c.neighbors().get(0),
            BgpNeighbor.builder().from(c.neighbors().get(1)).password(tooLong).build()))))
        .isInstanceOfSatisfying(io.kvmsdk.core.InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("neighbor[2]/password");
          assertThat(e.rule()).contains("1-80 bytes in UTF-8").contains("got 82 bytes").doesNotContain(tooLong);
        });

    Netns hv = ns("md5");
    hv.vethPair("d0", "d1");
    hv.ip("addr", "add", "198.18.9.1/24", "dev", "d0");
    String text = "log stderr all;\n" + c.birdConf().replace("\u00e8".repeat(40), tooLong);
    Path conf = write("md5.conf", text);
    Path log = dir.resolve("md5.log");
    birds.add(new ProcessBuilder(hv.wrap(List.of("bird", "-f", "-c", conf.toString(), "-s", dir.resolve("md5.ctl").toString(),
        "-P", dir.resolve("md5.pid").toString()))).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    await("bird's refusal of the 82-byte key", () -> read(log).contains("peer-tor2: Socket error: The password for TCP MD5 Signature is too long"), 20);
    await("tor1's session trying", () -> birdc("md5", "show", "protocols").lines().anyMatch(l -> l.startsWith("peer-tor1") && l.contains("Active")
        || l.startsWith("peer-tor1") && l.contains("Connect")), 20);
    assertThat(read(log)).doesNotContain("peer-tor1: Socket error");
  }

  private static String read(Path f) {
    try {
      return Files.exists(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test void twoTorsGiveTheHypervisorAnEcmpRoute() throws Exception {
    Proc.require("bird", "birdc", "ip");
    Netns hv = ns("hv");
    Netns tor1 = ns("tor1");
    Netns tor2 = ns("tor2");
    hv.vethTo("up1", tor1, "down0");
    hv.vethTo("up2", tor2, "down0");
    hv.ip("addr", "add", "198.18.1.1/30", "dev", "up1");
    tor1.ip("addr", "add", "198.18.1.2/30", "dev", "down0");
    hv.ip("addr", "add", "198.18.2.1/30", "dev", "up2");
    tor2.ip("addr", "add", "198.18.2.2/30", "dev", "down0");

    BirdConfig hvConf = BirdConfig.builder().routerId("198.18.1.1").localAs(65001)
        .addNeighbor(BgpNeighbor.of("tor1", "198.18.1.2", 65101)).addNeighbor(BgpNeighbor.of("tor2", "198.18.2.2", 65102))
        .addAnnounce("198.51.100.10/32").addAccept("203.0.113.0/24").bfd(true).connectRetrySeconds(1).build();
    start(hv, "hv", hvConf);
    int n = 1;
    for (Netns tor : List.of(tor1, tor2)) {
      start(tor, "tor" + n, BirdConfig.builder().routerId("198.18." + n + ".2").localAs(65100 + n)
          .addNeighbor(BgpNeighbor.of("hv", "198.18." + n + ".1", 65001)).addAnnounce("203.0.113.0/24").bfd(true).connectRetrySeconds(1).build());
      n++;
    }
    await("both sessions Established", () -> birdc("hv", "show", "protocols").lines()
        .filter(l -> l.startsWith("peer-tor") && l.contains("Established")).count() == 2, 40);
    await("the ECMP route", () -> hv.ip("route", "show", "203.0.113.0/24").out().contains("nexthop"), 20);
    String route = hv.ip("route", "show", "203.0.113.0/24").out();
    assertThat(route).contains("nexthop via 198.18.1.2 dev up1").contains("nexthop via 198.18.2.2 dev up2");
    await("tor1 learns the VIP", () -> tor1.ip("route", "show", "198.51.100.10").out().contains("via 198.18.1.1"), 20);
    assertThat(birdc("hv", "show", "bfd", "sessions")).contains("198.18.1.2").contains("198.18.2.2").contains("Up");

    tor2.ip("link", "set", "down0", "down");
    await("one next hop left", () -> {
      String r = hv.ip("route", "show", "203.0.113.0/24").out();
      return r.contains("via 198.18.1.2 dev up1") && !r.contains("198.18.2.2");
    }, 20);
  }
}
