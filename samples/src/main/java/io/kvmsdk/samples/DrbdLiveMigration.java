package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.ha.drbd.DrbdResource;
import io.kvmsdk.ha.migration.LiveMigration;
import io.kvmsdk.ha.migration.MigrationAction;
import io.kvmsdk.ha.migration.MigrationListener;
import io.kvmsdk.ha.migration.MigrationOptions;
import io.kvmsdk.ha.migration.MigrationPhase;
import io.kvmsdk.ha.migration.MigrationPolicy;
import io.kvmsdk.ha.migration.MigrationProgress;
import io.kvmsdk.ha.migration.MigrationResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Chapter 10, migration part: the guest of {@link DrbdDualPrimary} (its disk on {@code /dev/drbd0})
 * moved live from hv1 to hv2 under a {@link MigrationPolicy}, with a progress bar.
 *
 * <ol>
 *   <li>DRBD {@code r0} up on both nodes ({@link DrbdDualPrimary#up}); then the resource must be in sync
 *       ({@code drbdadm dstate r0} says {@code UpToDate/UpToDate} on both). The recipe never runs
 *       {@code drbdadm primary --force} (it overwrites the other node's copy): a resource not in sync
 *       stops it with a line saying how to sync it once.</li>
 *   <li>{@code drbdadm primary r0} on both nodes (dual-primary: QEMU on hv2 opens the device while hv1's
 *       still writes to it).</li>
 *   <li>{@link LiveMigration} with {@link #OPTIONS} and {@link #POLICY}: the maximum downtime raised step
 *       by step, post-copy after 20 s, abort at 60 s; one progress line per poll
 *       ({@code   [#####     ] 52% 40 MiB left, downtime 200 ms}), redrawn in place on a terminal.</li>
 *   <li>Completed: {@code drbdadm secondary r0} on hv1, which no longer runs the guest. Failed or aborted:
 *       the guest still runs on hv1, which stays primary; hv2 goes back to secondary. Failed in post-copy:
 *       the guest may be lost on both; nothing is demoted and the report says to look at both hosts.</li>
 * </ol>
 *
 * <p>Exit status 0 done, 1 the migration failed or was aborted (the report says where the guest runs),
 * 2 the setup could not be done (DRBD not up or not in sync, the guest not running on hv1, a host lost).
 * With {@code --uri} and no {@code --apply} DRBD is neither touched nor checked (its commands are printed):
 * only the migration runs, of {@code --guest NAME} (default {@code vm1}), which must run on the first host.
 */
public final class DrbdLiveMigration {
  /** Live, persistent on hv2, undefined on hv1, at most 256 MiB/s, 100 ms downtime to start with, post-copy allowed. */
  public static final MigrationOptions OPTIONS = MigrationOptions.builder().bandwidth(256L).maxDowntime(Duration.ofMillis(100)).postCopy(true)
      .build();

  /** Poll every second; downtime 200 ms at 5 s, 600 ms at 10 s, 1 s at 15 s; post-copy at 20 s; abort at 60 s if still in pre-copy. */
  public static final MigrationPolicy POLICY = MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1))
      .raiseDowntime(Duration.ofMillis(200), Duration.ofSeconds(1), 3, Duration.ofSeconds(5))
      .postCopyAfter(Duration.ofSeconds(20)).deadline(Duration.ofSeconds(60)).build();

  /** The guest the recipe moves unless {@code --guest} names another: {@link DrbdDualPrimary}'s. */
  public static final String GUEST = "vm1";

  private DrbdLiveMigration() {}

  /** {@code drbdadm primary r0}, undone by {@code drbdadm secondary r0}. */
  public static Plan promote(DrbdResource r) {
    return Plan.of(Step.builder("make " + r.name() + " primary here (allow-two-primaries)").change(HostCommand.of("drbdadm", "primary", r.name()))
        .undo(HostCommand.of("drbdadm", "secondary", r.name())).build());
  }

  /** {@code drbdadm secondary r0}: once no guest on this node uses the device. */
  public static Plan demote(DrbdResource r) {
    return Plan.of(Step.of("make " + r.name() + " secondary here", HostCommand.of("drbdadm", "secondary", r.name())));
  }

  /**
   * What keeps {@code r} from being migrated on: per node whose {@code drbdadm dstate} is not
   * {@code UpToDate} for itself and every peer, what it said. Empty when in sync everywhere.
   */
  public static Map<String, String> notInSync(DrbdResource r, Map<String, CommandRunner> nodes) {
    Map<String, String> out = new LinkedHashMap<>();
    nodes.forEach((node, runner) -> {
      CommandResult res = runner.run(HostCommand.of("drbdadm", "dstate", r.name()));
      String said = (res.exitCode() == 0 ? res.stdout() : res.stderr()).strip();
      if (res.exitCode() != 0) {
        out.put(node, "drbdadm dstate exited " + res.exitCode() + (said.isEmpty() ? "" : ": " + said.lines().findFirst().orElse("")));
      } else if (!upToDate(said)) {
        out.put(node, said.isEmpty() ? "no disk state" : said.replace('\n', ' '));
      }
    });
    return out;
  }

  /** True for {@code drbdadm dstate}'s answer when every disk it names is {@code UpToDate} ({@code UpToDate/UpToDate}, a line per volume). */
  static boolean upToDate(String dstate) {
    if (dstate.isBlank()) return false;
    for (String line : dstate.strip().split("\n")) {
      for (String s : line.strip().split("/")) {
        if (!s.strip().equals("UpToDate")) return false;
      }
    }
    return true;
  }

  /** A listener printing one line per poll ({@code terminal}: one line redrawn in place) and one per action of the policy. */
  public static MigrationListener progressBar(PrintStream out, boolean terminal) {
    return new MigrationListener() {
      @Override public void onProgress(MigrationProgress p) {
        String line = bar(p);
        if (terminal) {
          out.print("\r" + line + "   ");
          out.flush();
        } else {
          out.println(line);
        }
      }

      @Override public void onAction(MigrationAction a) {
        out.println((terminal ? "\n" : "") + "  policy: " + a);
      }
    };
  }

  /** {@code   [#####     ] 52% 40 MiB left, downtime 200 ms}: done out of the total, what is left, the downtime allowed now (or post-copy). */
  public static String bar(MigrationProgress p) {
    long total = p.dataTotal().orElse(0);
    long left = Math.min(p.dataRemaining().orElse(total), total);
    int pct = total <= 0 ? 0 : (int) ((total - left) * 100 / total);
    int filled = pct / 10;
    String tail = p.phase() == MigrationPhase.POSTCOPY ? "post-copy"
        : p.phase() == MigrationPhase.STARTING ? "starting"
        : "downtime " + p.maxDowntime().map(d -> d.toMillis() + " ms").orElse("libvirt's default");
    return "  [" + "#".repeat(filled) + " ".repeat(10 - filled) + "] " + pct + "% " + (left >> 20) + " MiB left, " + tail;
  }

  public static void main(String[] args) {
    recipe().main(args, DrbdLiveMigration::body);
  }

  static Recipe recipe() {
    return Recipe.named("DrbdLiveMigration").hosts("hv1", "hv2")
        .root("writes /etc/drbd.d/r0.res and runs drbdadm adjust/primary/secondary (never primary --force)")
        .option("--guest", "NAME", "the guest to move from the first host to the second (default vm1)");
  }

  static int body(Recipe r) { return body(r, MigrationListener.none()); }

  /** {@link #body} with {@code also} hearing the migration too (a test's hook, e.g. to crash the destination midway). */
  static int body(Recipe r, MigrationListener also) {
    DrbdResource res = DrbdDualPrimary.R0;
    String guest = r.value("--guest").orElse(GUEST);
    r.say("# " + OPTIONS + "\n# " + POLICY);
    Map<String, CommandRunner> nodes = new LinkedHashMap<>();
    for (String node : r.hostNames()) {
      r.fakeFile(node, res.volume(0).disk().orElseThrow(), "");        // the backing LV, on a fake host
      r.runner(node).ifPresent(h -> nodes.put(node, h));
    }
    Kvm hv1 = r.kvm("hv1");
    Kvm hv2 = r.kvm("hv2");
    notOn(hv2, guest);                               // before anything changes
    if (!r.fake()) running(hv1, guest);
    boolean drbd = nodes.size() == r.hostNames().size();
    if (!drbd) {
      r.hostNames().forEach(n -> r.apply(n, res.plan(n).then(promote(res))));
      r.apply("hv1", demote(res));
      r.say("# without --apply DRBD is neither touched nor checked: " + res.name() + " must be up, UpToDate/UpToDate (drbdadm dstate "
          + res.name() + ") and primary on both nodes before the migration; demote hv1 (above) once it completed");
    } else {
      setUpDrbd(r, res, nodes, guest);
    }
    Domain vm = running(hv1, guest);
    r.say("# migrating " + guest + " from " + hv1.uri() + " to " + hv2.uri());
    boolean terminal = r.out() == System.out && System.console() != null;
    MigrationResult m = LiveMigration.of(hv1, vm.name(), hv2).options(OPTIONS).policy(POLICY).listener(both(progressBar(r.out(), terminal), also)).run();
    if (terminal) r.say("");
    r.say("# " + m);
    if (m.completed()) {
      r.say(guest + " runs on hv2 now (" + hv2.domains().get(guest).state() + ")" + m.downtime().map(d -> ", downtime " + d.toMillis() + " ms").orElse(""));
      if (!drbd) return Recipe.DONE;
      try {
        r.apply("hv1", demote(res));
      } catch (RuntimeException e) {   // a refused step, or hv1 unreachable: the migration stands, the report says what is left
        r.say("hv1: NOT demoted: " + (e instanceof PlanFailedException pf ? Recipe.oneLine(pf) : Recipe.cause(e)) + "; " + res.name()
            + " stays primary on both: run drbdadm secondary " + res.name() + " on hv1 by hand");
        return Recipe.FAILED;
      }
      r.say("hv1: " + res.name() + " secondary again (the guest left it); hv2: primary");
      return Recipe.DONE;
    }
    if (m.postCopy()) {
      r.say("MIGRATION FAILED IN POST-COPY: " + guest + " had switched to hv2, which pulled its memory from hv1; it may be lost on both."
          + " Look at both hosts (virsh domstate " + guest + "); nothing was demoted");
      return Recipe.FAILED;
    }
    String why = m.error().map(e -> ": " + Recipe.cause(e)).orElse("");
    Optional<Domain> left = hv1.domains().find(guest);
    r.say(left.isPresent() ? "migration " + m.outcome() + ": " + guest + " stays on hv1 (" + left.get().state() + ")" + why
        : "migration " + m.outcome() + ", and " + guest + " is no longer on hv1: look at both hosts (virsh domstate " + guest + ")" + why);
    if (drbd) {
      try {
        r.apply("hv2", demote(res));
        r.say("hv2: " + res.name() + " secondary again; hv1 stays primary (it runs the guest)");
      } catch (PlanFailedException e) {
        r.say("hv2: NOT demoted: " + Recipe.oneLine(e));
      } catch (RuntimeException e) {
        r.say("hv2: NOT demoted (" + Recipe.cause(e) + "); run drbdadm secondary " + res.name() + " there once it is back");
      }
    }
    return Recipe.FAILED;
  }

  /** Up on both nodes, in sync, primary on both; else stops (exit 2) with one line. */
  private static void setUpDrbd(Recipe r, DrbdResource res, Map<String, CommandRunner> nodes, String guest) {
    DrbdDualPrimary.Report up = DrbdDualPrimary.up(res, nodes, r.progress());
    r.say(up.toString().stripTrailing());
    if (!up.complete()) throw new Recipe.Stop("DRBD " + res.name() + " did not come up on every node (see above); nothing was migrated");
    if (r.fake()) {
      nodes.keySet().forEach(n -> SampleHosts.fakeDrbdInSync(n, res.name()));
      r.say("# fake hosts: " + res.name() + " marked UpToDate on both nodes (the fake drbdadm models no replication; on real nodes the recipe"
          + " only checks drbdadm dstate)");
    } else {
      Map<String, String> behind = notInSync(res, nodes);
      if (!behind.isEmpty()) {
        throw new Recipe.Stop(res.name() + " is not in sync (" + String.join("; ", behind.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
            .toList()) + "): once, on the node whose data is good, run drbdadm primary --force " + res.name() + " (it overwrites the other"
            + " node's copy; this recipe never does), wait for UpToDate/UpToDate, then run again");
      }
      r.say("# " + res.name() + ": UpToDate on both nodes");
    }
    for (String n : nodes.keySet()) {
      try {
        r.apply(n, promote(res));
      } catch (PlanFailedException e) {
        throw new Recipe.Stop("cannot make " + res.name() + " primary on " + n + ": " + e.failedStep().note() + "; nothing was migrated");
      }
      if (n.equals("hv1") && r.fake()) fakeGuest(r, guest);
    }
  }

  /** On fake hosts: the guest of {@link DrbdDualPrimary}, defined and started on hv1 unless it is there already. */
  private static void fakeGuest(Recipe r, String guest) {
    Kvm hv1 = r.kvm("hv1");
    Domain d = hv1.domains().find(guest).orElseGet(() -> hv1.domains().define(DrbdDualPrimary.guest(DrbdDualPrimary.R0).copy(b -> b.name(guest))));
    if (d.state() != DomainState.RUNNING) d.start();
  }

  private static MigrationListener both(MigrationListener a, MigrationListener b) {
    return new MigrationListener() {
      @Override public void onProgress(MigrationProgress p) {
        a.onProgress(p);
        b.onProgress(p);
      }

      @Override public void onAction(MigrationAction x) {
        a.onAction(x);
        b.onAction(x);
      }
    };
  }

  /** Stops (exit 2) when the guest runs on the destination already. */
  private static void notOn(Kvm hv2, String guest) {
    Optional<Domain> there = hv2.domains().find(guest);
    if (there.isPresent() && there.get().state() == DomainState.RUNNING) {
      throw new Recipe.Stop(guest + " already runs on " + hv2.uri() + ": nothing to migrate (give the hosts the other way round to move it back)");
    }
  }

  /** The guest, running on hv1; else stops (exit 2) saying where it is. */
  private static Domain running(Kvm hv1, String guest) {
    Optional<Domain> here = hv1.domains().find(guest);
    if (here.isPresent() && here.get().state() == DomainState.RUNNING) return here.get();
    throw new Recipe.Stop(guest + " does not run on " + hv1.uri() + (here.map(d -> " (it is " + d.state() + ")").orElse(" (not defined there)"))
        + ": start it there first");
  }
}
