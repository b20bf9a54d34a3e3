package io.kvmsdk.samples;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.network.bgp.BgpNeighbor;
import io.kvmsdk.network.bgp.BirdConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chapter 4, routing half: each hypervisor runs bird2 and announces its guests' addresses to two
 * top-of-rack routers over BGP; the default route it learns from both is installed with both next
 * hops (ECMP, bird's {@code merge paths}), and BFD takes a dead uplink out in 300 ms instead of
 * BGP's 90 s hold time.
 *
 * <pre>{@code
 * java -cp "$CP" io.kvmsdk.samples.BgpEcmp                                    # fake hosts hv1, hv2: bird.conf written there
 * java -cp "$CP" io.kvmsdk.samples.BgpEcmp --uri qemu+ssh://root@hv1/system --uri qemu+ssh://root@hv2/system            # dry runs
 * java -cp "$CP" io.kvmsdk.samples.BgpEcmp --uri ... --uri ... --apply         # writes it, checks it with bird -p, birdc configure
 * }</pre>
 *
 * Each host's {@code bird.conf} is rendered by {@link BirdConfig}, printed (session passwords masked)
 * and checked by {@link #check}: ECMP on with room for every uplink, BFD on every session, only the
 * host's own prefixes exported. When this machine has {@code bird}, the recipe also has it parse each
 * file ({@code bird -p}); the recipe does not need it. On real hosts the plan checks the file with
 * {@code bird -p} before putting it in place. All or nothing: if one host's plan fails, the hosts
 * already written are taken back.
 */
public final class BgpEcmp {
  /** Where bird reads its configuration. */
  public static final String CONF = "/etc/bird/bird.conf";
  /** Per host: router id (its loopback), AS, the two uplinks (ToR addresses), the guest prefix it announces. */
  record Host(String routerId, long as, String tor1, String tor2, String guests) {}

  static final Map<String, Host> HOSTS = Map.of(
      "hv1", new Host("198.18.0.1", 65001, "198.18.1.2", "198.18.2.2", "203.0.113.0/26"),
      "hv2", new Host("198.18.0.2", 65002, "198.18.3.2", "198.18.4.2", "203.0.113.64/26"));

  private BgpEcmp() {}

  /** Host {@code name}'s bird configuration (hv1 or hv2): two ToR sessions with BFD, ECMP, its guests' prefix announced. */
  public static BirdConfig config(String name) {
    Host h = HOSTS.get(name);
    if (h == null) throw new IllegalArgumentException("no BGP plan for host " + name + " (hosts: hv1, hv2)");
    return BirdConfig.builder().routerId(h.routerId()).localAs(h.as())
        .addNeighbors(BgpNeighbor.builder().name("tor1").address(h.tor1()).remoteAs(65100).password("change-me-tor1").build())
        .addNeighbors(BgpNeighbor.builder().name("tor2").address(h.tor2()).remoteAs(65100).password("change-me-tor2").build())
        .addAnnounce(h.guests())
        .addAccept("0.0.0.0/0")
        .bfd(true).bfdIntervalMs(100).bfdMultiplier(3)
        .maxPaths(4)
        .build();
  }

  /**
   * What is wrong with {@code c} for this chapter (empty: nothing): ECMP off or with fewer paths than
   * uplinks, a session without BFD, a prefix announced that is not exported, a password printed.
   */
  public static List<String> check(BirdConfig c) {
    List<String> problems = new ArrayList<>();
    String conf = c.birdConf();
    if (!c.ecmp() || !conf.contains("merge paths yes limit " + c.maxPaths() + ";")) problems.add("no ECMP: the kernel gets one next hop only");
    else if (c.maxPaths() < c.neighbors().size()) problems.add("ECMP limit " + c.maxPaths() + " is below the " + c.neighbors().size() + " uplinks");
    for (BgpNeighbor n : c.neighbors()) {
      if (!n.bfd().orElse(c.bfd())) problems.add("session " + n.name() + " has no BFD: a dead uplink is noticed after the hold time only");
    }
    if (c.neighbors().stream().anyMatch(n -> n.bfd().orElse(c.bfd())) && !conf.contains("protocol bfd ")) problems.add("no bfd protocol");
    for (String p : c.announce()) {
      if (!conf.contains("route " + p + " blackhole;") || !conf.contains("if net ~ [ ") || !conf.contains(p)) problems.add(p + " is not announced");
    }
    String shown = c.toString();
    c.neighbors().forEach(n -> n.password().filter(shown::contains).ifPresent(p -> problems.add("the password of " + n.name() + " is printed")));
    return problems;
  }

  /**
   * Host {@code name}'s plan: write {@value #CONF}{@code .new} (through stdin, masked in scripts), with
   * {@code real} check it with {@code bird -p}, put it in place, and with {@code real} have bird
   * reload it ({@code birdc configure}). Each step is skipped when the file in place is this one.
   */
  public static Plan plan(BirdConfig c, boolean real) {
    String conf = c.birdConf();
    String fresh = CONF + ".new";
    HostCommand same = HostCommand.builder().args("cmp", "-s", "-", CONF).secretStdin(conf).build();
    Plan.Builder p = Plan.builder()
        .step(Step.builder("write " + fresh).check(same)
            .change(HostCommand.builder().args("install", "-D", "-m", "0640", "/dev/stdin", fresh).secretStdin(conf).build())
            .undo(HostCommand.of("rm", "-f", fresh)));
    if (real) p.step(Step.builder("check " + fresh + " with bird -p").check(same).change(HostCommand.of("bird", "-p", "-c", fresh)));
    p.step(Step.builder("put " + CONF + " in place").check(same)
        .change(HostCommand.of("install", "-D", "-m", "0640", fresh, CONF))
        .change(HostCommand.of("rm", "-f", fresh))
        .undo(HostCommand.of("rm", "-f", CONF)));
    if (real) p.step(Step.builder("have bird read it").change(HostCommand.of("birdc", "configure")));
    return p.build();
  }

  /** {@code bird -p} on this machine for {@code c}, when bird is installed: its verdict, or empty without bird. */
  public static Optional<String> birdParse(BirdConfig c) {
    Optional<Path> bird = List.of("/usr/sbin/bird", "/usr/local/sbin/bird", "/usr/bin/bird").stream().map(Path::of).filter(Files::isExecutable).findFirst();
    if (bird.isEmpty()) return Optional.empty();
    Path tmp = null;
    try {
      tmp = Files.createTempFile("kvmsdk-bird", ".conf", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, c.birdConf(), StandardCharsets.UTF_8);
      CommandResult r = LocalCommandRunner.create().run(HostCommand.of(bird.get().toString(), "-p", "-c", tmp.toString()));
      String why = (r.stderr() + r.stdout()).strip().replace(tmp.toString(), "bird.conf");
      return Optional.of(r.exitCode() == 0 ? "bird -p: OK" : "bird -p: REFUSED: " + why);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) tmp.toFile().delete();
    }
  }

  public static void main(String[] args) { recipe().main(args, BgpEcmp::body); }

  static Recipe recipe() { return Recipe.named("BgpEcmp").hosts("hv1", "hv2").root("writes " + CONF + " and reloads bird (birdc configure)"); }

  static int body(Recipe r) {
    Map<String, BirdConfig> configs = new LinkedHashMap<>();
    boolean ok = true;
    for (String name : r.hostNames()) {
      BirdConfig c = config(name);
      configs.put(name, c);
      r.say("# " + name + ": " + CONF + " (passwords masked)\n" + c);
      List<String> problems = check(c);
      r.say("# " + name + ": " + (problems.isEmpty() ? "checked: ECMP over up to " + c.maxPaths() + " paths, BFD " + c.bfdIntervalMs() + " ms x "
          + c.bfdMultiplier() + " on " + c.neighbors().size() + " sessions, announces " + c.announce() : "PROBLEMS: " + String.join("; ", problems)));
      ok &= problems.isEmpty();
      Optional<String> parsed = birdParse(c);
      r.say("# " + name + ": " + parsed.orElse("bird -p: bird is not installed here, skipped"));
      ok &= parsed.map(v -> v.equals("bird -p: OK")).orElse(true);
    }
    if (!ok) return Recipe.FAILED;
    Map<String, CommandRunner> hosts = new LinkedHashMap<>();
    for (String name : r.hostNames()) r.runner(name).ifPresent(h -> hosts.put(name, h));
    if (hosts.size() < r.hostNames().size()) {
      r.hostNames().forEach(n -> r.apply(n, plan(configs.get(n), true)));   // dry runs
      return Recipe.DONE;
    }
    Undo undo = new Undo();
    int i = 0;
    for (var e : hosts.entrySet()) {
      r.progress().step(++i, hosts.size(), "bird.conf on " + e.getKey());
      try {
        undo.plan(CONF + " removed again from " + e.getKey(), e.getValue(),
            plan(configs.get(e.getKey()), !r.fake()).apply(e.getValue(), Recipe.progressOptions(r.out())));
      } catch (PlanFailedException failed) {
        List<String> undone = undo.run(failed);
        r.say("# " + e.getKey() + ": FAILED; rolled back: " + (undone.isEmpty() ? "nothing to" : String.join(", ", undone)));
        throw failed;
      }
    }
    r.say("# bird.conf in place on " + String.join(", ", hosts.keySet()));
    return Recipe.DONE;
  }
}
