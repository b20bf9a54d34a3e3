package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.Arg;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.testing.Fuzz;
import io.kvmsdk.testkit.FakeHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Every fake tool of every module (ip, bridge, ovs-vsctl, nft, ethtool, sysctl, tgtadm, iscsiadm,
 * lvm, zfs, gluster, exportfs, multipathd, keepalived, drbdadm, pgrep/kill, the shell and file tools)
 * answers whatever argv it gets as a program does: a result with an exit status, never a Java
 * exception that a user's plan would see as a crash of the fake. The argvs are the commands the
 * recipes ran on their fake hosts, mutated (an argument dropped, repeated, swapped, cut short, or
 * replaced by a hostile word or another command's word) and run on the host each recipe left behind.
 * Case {@code N} of a recipe is determined by its seed; {@code -Dkvmsdk.fuzzCount=N} runs {@code N}
 * per recipe.
 */
class FakeToolsFuzzTest {
  record R(String name, Recipe recipe, Recipe.Body body) {}

  static List<R> recipes() {
    return List.of(new R("VipFailover", VipFailover.recipe(), VipFailover::body),
        new R("PacemakerGuest", PacemakerGuest.recipe(), PacemakerGuest::body),
        new R("DrbdDualPrimary", DrbdDualPrimary.recipe(), DrbdDualPrimary::body),
        new R("GuestSecurity", GuestSecurity.recipe(), GuestSecurity::body),
        new R("GuestTuning", GuestTuning.recipe(), GuestTuning::body),
        new R("NatNetworkWithGuest", NatNetworkWithGuest.recipe(), NatNetworkWithGuest::body),
        new R("IscsiBackedGuest", IscsiBackedGuest.recipe(), IscsiBackedGuest::body),
        new R("CephRbdGuest", CephRbdGuest.recipe(), CephRbdGuest::body),
        new R("TieredPools", TieredPools.recipe(), TieredPools::body),
        new R("DrbdLiveMigration", DrbdLiveMigration.recipe(), DrbdLiveMigration::body),
        new R("Monitoring", Monitoring.recipe(), Monitoring::body),
        new R("OvsVlanGuest", OvsVlanGuest.recipe(), OvsVlanGuest::body),
        new R("BondedJumboUplink", BondedJumboUplink.recipe(), BondedJumboUplink::body),
        new R("VxlanOverlay", VxlanOverlay.recipe(), VxlanOverlay::body),
        new R("BgpEcmp", BgpEcmp.recipe(), BgpEcmp::body));
  }

  @Test void everyFakeToolAnswersAnyArgvWithAnExitStatus() throws Exception {
    int perRecipe = Integer.getInteger("kvmsdk.fuzzCount", 0);
    if (perRecipe <= 0) perRecipe = 300;   // the build passes 0 for "the default"; -Pfuzz passes 20000
    int n = perRecipe;
    List<String> failures = new ArrayList<>();
    Map<String, Integer> programs = new LinkedHashMap<>();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fake-tools-fuzz");
      t.setDaemon(true);
      return t;
    });
    try {
      for (R rec : recipes()) {
        RecipeRun run = RecipeRun.of(rec.recipe(), r -> {
          int status = rec.body().run(r);
          for (String h : r.hostNames()) {
            if (r.runner(h).isEmpty()) continue;
            FakeHost host = (FakeHost) r.runner(h).orElseThrow();
            List<HostCommand> seeds = host.commands().stream().filter(c -> !c.argv().isEmpty()).toList();
            if (seeds.isEmpty()) continue;
            List<Arg> vocabulary = seeds.stream().flatMap(c -> c.args().stream()).distinct().toList();
            for (long seed = 0; seed < n && failures.size() < 10; seed++) {
              SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + (rec.name() + h).hashCode());
              HostCommand base = seeds.get(rnd.nextInt(seeds.size()));
              HostCommand cmd = mutate(base, rnd, vocabulary);
              programs.merge(cmd.argv().get(0), 1, Integer::sum);
              String broken = runOn(worker, host, cmd);
              if (broken != null) failures.add(rec.name() + " on " + h + " seed " + seed + ": `" + cmd + "`: " + broken);
            }
          }
          return status;
        });
        assertThat(run.status()).as(rec.name() + "\n" + run).isZero();
      }
    } finally {
      worker.shutdownNow();
    }
    assertThat(failures).as("fake tools that broke instead of answering").isEmpty();
    // the cases reach the module's tools, not only the shell's built-ins
    assertThat(programs.keySet()).contains("ip", "nft", "ovs-vsctl", "keepalived", "drbdadm", "tgtadm", "iscsiadm");
  }

  /** Null when {@code cmd} got a result with a status 0-255 within 10 s; else what happened. */
  static String runOn(ExecutorService worker, FakeHost host, HostCommand cmd) {
    Future<CommandResult> f = worker.submit(() -> host.run(cmd));
    try {
      CommandResult r = f.get(10, TimeUnit.SECONDS);
      if (r.exitCode() < 0 || r.exitCode() > 255) return "exit status " + r.exitCode();
      return null;
    } catch (TimeoutException e) {
      f.cancel(true);
      return "no answer after 10 s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      StackTraceElement at = c.getStackTrace().length > 0 ? c.getStackTrace()[0] : null;
      return "threw " + c + (at == null ? "" : " at " + at);
    }
  }

  /** {@code base} with one to three of its arguments changed (the program stays; stdin, timeout and sudo too). */
  static HostCommand mutate(HostCommand base, SplittableRandom r, List<Arg> vocabulary) {
    List<Arg> a = new ArrayList<>(base.args());
    int steps = 1 + r.nextInt(3);
    for (int k = 0; k < steps; k++) {
      int i = a.size() > 1 ? 1 + r.nextInt(a.size() - 1) : 1;
      switch (r.nextInt(7)) {
        case 0: if (a.size() > 1) a.remove(i); break;
        case 1: if (a.size() > 1) a.add(i, a.get(i)); break;
        case 2: if (a.size() > 2) { int j = 1 + r.nextInt(a.size() - 1); Arg t = a.get(i); a.set(i, a.get(j)); a.set(j, t); } break;
        case 3: if (a.size() > 1) a.subList(i, a.size()).clear(); break;
        case 4: a.add(Math.min(i, a.size()), vocabulary.get(r.nextInt(vocabulary.size()))); break;
        default: {
          Arg w = Arg.of(Fuzz.HOSTILE.get(r.nextInt(Fuzz.HOSTILE.size())));
          if (a.size() > 1) a.set(i, w); else a.add(w);
        }
      }
    }
    HostCommand.Builder b = HostCommand.builder().timeout(base.timeout()).sudo(base.sudo());
    a.forEach(b::arg);
    base.stdin().ifPresent(in -> { if (base.stdinSecret()) b.secretStdin(in); else b.stdin(in); });
    return b.build();
  }
}
