package io.kvmsdk.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.ha.keepalived.KeepalivedService;
import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.NetnsRunner;
import io.kvmsdk.core.testing.Proc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live failover: two real keepalived daemons in two network namespaces joined by a Linux bridge
 * (in a third namespace), running the files {@link VipGroup} renders. The VIP sits on the
 * higher-priority node; a SIGKILLed master loses it to the other node within 3 adverts plus the
 * backup's skew, a gracefully stopped one within one advert. The move is timed from the kill to
 * the moment the kernel reports the address on the backup ({@code ip monitor address}). The
 * median of {@code -Dkvmsdk.failoverRuns=N} kills (default 3 for the 1 s advert, 10 for 10 ms) is
 * printed. Needs root and keepalived.
 */
class VipGroupFailoverTest {
  static final String VIP = "198.18.0.100";
  private Netns a;
  private Netns b;
  private Netns sw;
  private Path dir;
  private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach void network() throws IOException {
    Proc.require("keepalived", "ip");
    dir = Files.createTempDirectory("kvmsdk-ha-vrrp");
    sw = Netns.create();
    a = Netns.create();
    b = Netns.create();
    sw.ip("link", "add", "br0", "type", "bridge");
    sw.ip("link", "set", "br0", "up");
    sw.vethTo("pa", a, "eth0");
    sw.vethTo("pb", b, "eth0");
    sw.ip("link", "set", "pa", "master", "br0");
    sw.ip("link", "set", "pb", "master", "br0");
    a.ip("addr", "add", "198.18.0.1/24", "dev", "eth0");
    b.ip("addr", "add", "198.18.0.2/24", "dev", "eth0");
  }

  @AfterEach void cleanUp() throws IOException {
    for (Process p : List.copyOf(processes)) killTree(p);
    // daemons the plans started: by their pid files
    if (dir != null) {
      try (var files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
          try {
            ProcessHandle.of(Long.parseLong(Files.readString(f).strip())).ifPresent(ProcessHandle::destroyForcibly);
          } catch (NumberFormatException ignored) {
            // an empty or half-written pid file
          }
        }
      }
    }
    for (Netns n : new Netns[] {a, b, sw}) if (n != null) n.close();
    if (dir != null) {
      try (var files = Files.walk(dir)) { files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete()); }
    }
  }

  private static void killTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static VipGroup group(Duration advert) {
    return VipGroup.builder().name("web").virtualRouterId(51).addVip(VIP + "/24").advertInterval(advert)
        .addNode("node1", "eth0", "198.18.0.1/24", 200)
        .addNode("node2", "eth0", "198.18.0.2/24", 100)
        .build();
  }

  static boolean hasVip(Netns ns) { return ns.ip("-br", "addr", "show", "dev", "eth0").out().contains(VIP + "/"); }

  static void await(String what, Duration max, BooleanSupplier ok) {
    long end = System.nanoTime() + max.toNanos();
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > end) throw new AssertionError("not within " + max + ": " + what);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** keepalived in the foreground (a child of this JVM, so its processes are reaped), running the node's rendered file. */
  private Process keepalived(Netns ns, String node, VipGroup g) throws IOException {
    Path conf = dir.resolve(node + ".conf");
    Files.writeString(conf, g.keepalivedConf(node));
    Files.deleteIfExists(dir.resolve(node + ".pid"));
    Files.deleteIfExists(dir.resolve(node + "-vrrp.pid"));
    List<String> argv = ns.wrap(List.of("keepalived", "-n", "-l", "-P", "-f", conf.toString(), "-p", dir.resolve(node + ".pid").toString(),
        "-r", dir.resolve(node + "-vrrp.pid").toString(), "-c", dir.resolve(node + "-checker.pid").toString()));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve(node + ".log").toFile()).start();
    processes.add(p);
    return p;
  }

  /** Watches {@code ns} for the VIP being added; {@link #arrived()} is when it was. */
  private final class VipWatch implements AutoCloseable {
    final Process monitor;
    final List<Long> adds = Collections.synchronizedList(new ArrayList<>());

    VipWatch(Netns ns) throws IOException, InterruptedException {
      monitor = new ProcessBuilder("ip", "-n", ns.name(), "-o", "monitor", "address").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      processes.add(monitor);
      Thread t = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            if (!line.startsWith("Deleted") && line.contains("inet " + VIP + "/")) {
              adds.add(System.nanoTime());
            }
          }
        } catch (IOException ignored) {
          // the monitor was stopped
        }
      });
      t.setDaemon(true);
      t.start();
      Thread.sleep(300); // let ip subscribe to the netlink group before anything happens
    }

    /** When the VIP was added after {@code t0}; earlier adds (a backup briefly taking over under load) are flaps. */
    long arrived(long t0, Duration max) throws InterruptedException {
      long end = t0 + max.toNanos();
      while (System.nanoTime() < end) {
        synchronized (adds) {
          for (long t : adds) if (t >= t0) return t;
        }
        Thread.sleep(1);
      }
      throw new AssertionError("the VIP did not move within " + max);
    }

    int flapsBefore(long t0) {
      synchronized (adds) { return (int) adds.stream().filter(t -> t < t0).count(); }
    }

    @Override public void close() {
      killTree(monitor);
      processes.remove(monitor);
    }
  }

  private long pid(String file) throws IOException { return Long.parseLong(Files.readString(dir.resolve(file)).strip()); }

  /** Starts the master until it holds the VIP, SIGKILLs its VRRP process and its parent, and times the VIP's arrival on the backup. */
  private List<Double> killMaster(VipGroup g, int runs) throws Exception {
    List<Double> ms = new ArrayList<>();
    int flaps = 0;
    Duration advert = g.advertInterval();
    Duration settle = advert.multipliedBy(4).plusSeconds(5);
    keepalived(b, "node2", g);
    await("node2 is master while node1 is away", settle, () -> hasVip(b));
    for (int i = 0; i < runs; i++) {
      if (hasVip(a)) a.ip("addr", "del", VIP + "/24", "dev", "eth0"); // a SIGKILLed master leaves its VIP behind
      Process master = keepalived(a, "node1", g);
      await("node1 (priority 200) takes the VIP back", settle, () -> hasVip(a) && !hasVip(b));
      Thread.sleep(Math.max(200, advert.toMillis() * 3));
      long vrrpChild = pid("node1-vrrp.pid");
      try (VipWatch watch = new VipWatch(b)) {
        long t0 = System.nanoTime();
        ProcessHandle.of(vrrpChild).ifPresent(ProcessHandle::destroyForcibly);
        master.destroyForcibly();
        long t1 = watch.arrived(t0, advert.multipliedBy(3).plusSeconds(2));
        flaps += watch.flapsBefore(t0);
        ms.add((t1 - t0) / 1e6);
      }
      master.waitFor(5, TimeUnit.SECONDS);
      processes.remove(master);
      assertThat(hasVip(b)).isTrue();
    }
    if (flaps > 0) System.out.printf("  (the backup took the VIP briefly %d times before a kill: adverts delayed on a loaded machine)%n", flaps);
    return ms;
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  @Test void aSigkilledMasterLosesTheVipWithinThreeAdvertsPlusSkew_10ms() throws Exception {
    VipGroup g = group(Duration.ofMillis(10));
    List<Double> ms = killMaster(g, Integer.getInteger("kvmsdk.failoverRuns", 10));
    double median = median(ms);
    System.out.printf("VRRPv3 advert 10 ms: SIGKILL -> VIP on the backup, median %.1f ms of %d kills %s%n", median, ms.size(), ms);
    // 3 adverts + skew ((256 - 100) / 256 x 10 ms) is 36 ms
    assertThat(median).isLessThan(50);
  }

  @Test void aSigkilledMasterLosesTheVipWithinThreeAdvertsPlusSkew_1s() throws Exception {
    VipGroup g = group(Duration.ofSeconds(1));
    List<Double> ms = killMaster(g, Integer.getInteger("kvmsdk.failoverRuns", 3));
    System.out.printf("VRRPv3 advert 1 s: SIGKILL -> VIP on the backup, median %.1f ms of %d kills %s%n", median(ms), ms.size(), ms);
    // 3 adverts + skew ((256 - 100) / 256 x 1 s) is 3.61 s
    // the kill comes at any time after the last advert: between 2 and 3 adverts plus the skew
    for (double m : ms) assertThat(m).isBetween(2610.0, 3610.0 + 250);
  }

  @Test void thePlanStartsKeepalivedAndAGracefulStopMovesTheVipWithinOneAdvert() throws Exception {
    VipGroup g = group(Duration.ofSeconds(1));
    KeepalivedService sa = service("node1");
    KeepalivedService sb = service("node2");
    NetnsRunner ra = new NetnsRunner(a.name());
    NetnsRunner rb = new NetnsRunner(b.name());
    assertThat(sb.plan(g.keepalivedConfig("node2")).apply(rb).changed()).isTrue();
    assertThat(sa.plan(g.keepalivedConfig("node1")).apply(ra).changed()).isTrue();
    await("node1 holds the VIP", Duration.ofSeconds(10), () -> hasVip(a) && !hasVip(b));
    PlanResult again = sa.plan(g.keepalivedConfig("node1")).apply(ra);
    assertThat(again.changed()).as("re-applying changes nothing:\n%s", again).isFalse();

    // a changed file is checked, installed and reloaded (SIGHUP) on both nodes: the second VIP appears
    // (both must run the same VIP list: keepalived drops adverts whose addresses differ from its own)
    VipGroup two = g.copy(x -> x.addVip("198.18.0.101/24"));
    assertThat(sb.plan(two.keepalivedConfig("node2")).apply(rb).changed()).isTrue();
    PlanResult reload = sa.plan(two.keepalivedConfig("node1")).apply(ra);
    assertThat(reload.changed()).isTrue();
    assertThat(reload.steps().get(1).status()).isEqualTo(io.kvmsdk.core.host.StepStatus.SKIPPED_ALREADY_DONE);
    await("node1 holds the second VIP after the reload", Duration.ofSeconds(10),
        () -> a.ip("-br", "addr", "show", "dev", "eth0").out().contains("198.18.0.101/"));

    try (VipWatch watch = new VipWatch(b)) {
      long t0 = System.nanoTime();
      sa.stopPlan().apply(ra);
      double ms = (watch.arrived(t0, Duration.ofSeconds(4)) - t0) / 1e6;
      System.out.printf("VRRPv3 advert 1 s: graceful stop -> VIP on the backup in %.1f ms%n", ms);
      assertThat(ms).isLessThan(1000);
    }
    await("node1 released its VIPs", Duration.ofSeconds(5), () -> !hasVip(a));
    sb.stopPlan().apply(rb);
  }

  private KeepalivedService service(String node) {
    return KeepalivedService.builder().configFile(dir.resolve(node + "/keepalived.conf").toString())
        .pidFile(dir.resolve(node + ".pid").toString()).vrrpPidFile(dir.resolve(node + "-vrrp.pid").toString())
        .appliedCopy(dir.resolve(node + "/applied.conf").toString())
        .build();
  }
}
