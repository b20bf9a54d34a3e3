package io.kvmsdk.network.internal;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Probe;
import io.kvmsdk.core.host.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The steps the Linux-side specs are made of, each judged by a {@link Probe} on the one
 * {@link LinkTable#READ} (so a converged host is read once, whatever the number of steps) and, for
 * scripts, by a cheap check where one exists ({@code ip link show}, {@code /sys/class/net}). Every
 * change is idempotent or guarded, so a rendered script can run twice.
 */
public final class LinuxSteps {
  private LinuxSteps() {}

  public static HostCommand ip(String... args) { return ip(List.of(args)); }

  public static HostCommand ip(List<String> args) { return HostCommand.builder().arg("ip").args(args).build(); }

  /** A probe on the link table. */
  public static Probe probe(String expectation, Predicate<LinkTable> test) {
    return Probe.of(LinkTable.READ, expectation, out -> test.test(LinkTable.of(out)));
  }

  /** A probe on the bridge VLAN table. */
  public static Probe vlanProbe(String expectation, Predicate<String> test) {
    return Probe.of(LinkTable.READ_VLANS, expectation, test);
  }

  /** Creates link {@code name} of {@code kind} with {@code ip link add ARGS}; undone by deleting it. */
  public static Step create(String name, String kind, List<String> addArgs) {
    return Step.builder("create " + kind + " " + name)
        .probe(probe(name + " exists as a " + kind, t -> t.has(name) && t.kind(name).equals(kind)))
        .check(ip("link", "show", "dev", name))
        .change(ip(addArgs))
        .undo(ip("link", "del", "dev", name))
        .build();
  }

  /** {@code ip link set dev NAME type KIND ARGS} when {@code done} says the settings differ. */
  public static Step settings(String name, String what, String kind, List<String> args, Predicate<LinkTable> done) {
    List<String> argv = new ArrayList<>(List.of("link", "set", "dev", name, "type", kind));
    argv.addAll(args);
    return Step.builder("set " + what + " of " + name)
        .probe(probe(name + " has " + String.join(" ", args), done))
        .change(ip(argv))
        .build();
  }

  /** Enslaves {@code port} to bridge {@code bridge}; undone by releasing it. */
  public static Step bridgePort(String port, String bridge) {
    return Step.builder("enslave " + port + " to bridge " + bridge)
        .probe(probe(port + " is a port of " + bridge, t -> t.master(port).filter(bridge::equals).isPresent()))
        .check(HostCommand.of("test", "-d", "/sys/class/net/" + bridge + "/brif/" + port))
        .change(ip("link", "set", "dev", port, "master", bridge))
        .undo(ip("link", "set", "dev", port, "nomaster"))
        .build();
  }

  /** Enslaves {@code member} to bond {@code bond} (down first, as the bonding driver wants); undone by releasing it. */
  public static Step bondMember(String member, String bond) {
    return Step.builder("enslave " + member + " to bond " + bond)
        .probe(probe(member + " is a slave of " + bond, t -> t.master(member).filter(bond::equals).isPresent()))
        .check(HostCommand.of("test", "-d", "/sys/class/net/" + bond + "/lower_" + member))
        .change(ip("link", "set", "dev", member, "down"))
        .change(ip("link", "set", "dev", member, "master", bond))
        .undo(ip("link", "set", "dev", member, "nomaster"))
        .build();
  }

  /** Sets {@code name}'s MTU. */
  public static Step mtu(String name, int mtu) {
    return Step.builder("set MTU " + mtu + " on " + name)
        .probe(probe(name + " has MTU " + mtu, t -> t.mtu(name) == mtu))
        .check(HostCommand.of("grep", "-qx", String.valueOf(mtu), "/sys/class/net/" + name + "/mtu"))
        .change(ip("link", "set", "dev", name, "mtu", String.valueOf(mtu)))
        .build();
  }

  /** Brings {@code name} up. */
  public static Step up(String name) {
    return Step.builder("bring " + name + " up")
        .probe(probe(name + " is up", t -> t.up(name)))
        .change(ip("link", "set", "dev", name, "up"))
        .build();
  }

  /** Puts {@code cidr} on {@code name} ({@code ip addr replace}: idempotent); undone by removing it. */
  public static Step address(String name, String cidr) {
    return Step.builder("address " + cidr + " on " + name)
        .probe(probe(name + " has " + cidr, t -> t.hasAddress(name, cidr)))
        .change(ip("addr", "replace", cidr, "dev", name))
        .undo(ip("addr", "del", cidr, "dev", name))
        .build();
  }

  /** Deletes link {@code name} if it is there. */
  public static Step delete(String name, String kind) {
    return Step.builder("delete " + kind + " " + name)
        .probe(probe(name + " is gone", t -> !t.has(name)))
        .check(HostCommand.of("test", "!", "-e", "/sys/class/net/" + name))
        .change(ip("link", "del", "dev", name))
        .build();
  }
}
