package io.kvmsdk.testkit;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import java.util.ArrayList;
import java.util.List;

/** Plans the fake-host tests and the contract test share; {@code ns} prefixes every command with {@code ip netns exec NS} when not null. */
final class FakeHostPlans {
  private FakeHostPlans() {}

  static HostCommand cmd(String ns, String... argv) {
    List<String> a = new ArrayList<>();
    if (ns != null) a.addAll(List.of("ip", "netns", "exec", ns));
    a.addAll(List.of(argv));
    return HostCommand.of(a);
  }

  /** bridge br-kit (mtu 1400 port), veth kit0/kit1 enslaved, 10.77.0.1/24 on the bridge, ip_forward=1. */
  static Plan bridgePlan(String ns) {
    return Plan.builder()
        .step(Step.builder("create bridge br-kit")
            .check(cmd(ns, "ip", "link", "show", "br-kit"))
            .change(cmd(ns, "ip", "link", "add", "br-kit", "type", "bridge"))
            .undo(cmd(ns, "ip", "link", "del", "br-kit")))
        .step(Step.builder("create veth kit0/kit1")
            .check(cmd(ns, "ip", "link", "show", "kit0"))
            .change(cmd(ns, "ip", "link", "add", "kit0", "type", "veth", "peer", "name", "kit1"))
            .undo(cmd(ns, "ip", "link", "del", "kit0")))
        .step(Step.builder("enslave kit0 to br-kit, mtu 1400, up")
            .check(cmd(ns, "test", "-e", "/sys/class/net/br-kit/brif/kit0"))
            .change(cmd(ns, "ip", "link", "set", "dev", "kit0", "master", "br-kit", "mtu", "1400", "up"))
            .undo(cmd(ns, "ip", "link", "set", "dev", "kit0", "nomaster")))
        .step(Step.builder("bring br-kit up")
            .check(cmd(ns, "grep", "-qx", "0x1003", "/sys/class/net/br-kit/flags"))
            .change(cmd(ns, "ip", "link", "set", "br-kit", "up"))
            .undo(cmd(ns, "ip", "link", "set", "br-kit", "down")))
        .step(Step.builder("address 10.77.0.1/24 on br-kit")
            .check(cmd(ns, "sh", "-c", "ip addr show dev br-kit | grep -qF 'inet 10.77.0.1/24 '"))
            .change(cmd(ns, "ip", "addr", "add", "10.77.0.1/24", "dev", "br-kit"))
            .undo(cmd(ns, "ip", "addr", "del", "10.77.0.1/24", "dev", "br-kit")))
        .step(Step.builder("enable IPv4 forwarding")
            .check(cmd(ns, "grep", "-qx", "1", "/proc/sys/net/ipv4/ip_forward"))
            .change(cmd(ns, "sysctl", "-w", "net.ipv4.ip_forward=1"))
            .undo(cmd(ns, "sysctl", "-w", "net.ipv4.ip_forward=0")))
        .build();
  }
}
