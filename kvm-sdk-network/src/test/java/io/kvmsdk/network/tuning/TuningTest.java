package io.kvmsdk.network.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.network.fake.Ethtool;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import org.junit.jupiter.api.Test;

class TuningTest {
  @Test void theHypervisorProfileAsASysctlDFile() {
    SysctlProfile p = SysctlProfile.hypervisor();
    assertThat(p.path()).isEqualTo("/etc/sysctl.d/60-kvmsdk-hypervisor.conf");
    assertThat(p.sysctlConf()).isEqualTo(String.join("\n",
        "# kvm-sdk sysctl profile 'hypervisor'",
        "net.ipv4.ip_forward = 1",
        "net.ipv4.conf.all.rp_filter = 2",
        "net.ipv4.conf.default.rp_filter = 2",
        "net.core.somaxconn = 4096",
        "net.bridge.bridge-nf-call-arptables = 0",
        "net.bridge.bridge-nf-call-ip6tables = 0",
        "net.bridge.bridge-nf-call-iptables = 0",
        "net.ipv4.neigh.default.gc_thresh1 = 1024",
        "net.ipv4.neigh.default.gc_thresh2 = 4096",
        "net.ipv4.neigh.default.gc_thresh3 = 8192",
        "net.ipv6.neigh.default.gc_thresh1 = 1024",
        "net.ipv6.neigh.default.gc_thresh2 = 4096",
        "net.ipv6.neigh.default.gc_thresh3 = 8192",
        "net.ipv4.tcp_window_scaling = 1",
        ""));
  }

  @Test void thePlanLoadsBrNetfilterThenSetsEverythingInOneCommand() {
    Plan plan = SysctlProfile.hypervisor().plan();
    assertThat(plan.steps()).hasSize(2);
    assertThat(plan.steps().get(0).change().get(0).argv()).containsExactly("modprobe", "br_netfilter");
    assertThat(plan.steps().get(1).change().get(0).argv()).startsWith("sysctl", "-w", "net.ipv4.ip_forward=1").hasSize(16);
    assertThat(plan.steps().get(1).check().orElseThrow().argv().get(2)).startsWith("sysctl -n net.ipv4.ip_forward net.ipv4.conf.all.rp_filter");
    assertThat(SysctlProfile.builder("plain").somaxconn(1024).build().plan().steps()).hasSize(1);
    assertThat(SysctlProfile.builder("multi").set("net.ipv4.tcp_rmem", "4096  87380 6291456").build().plan().steps().get(0).change().get(0).argv())
        .contains("net.ipv4.tcp_rmem=4096\t87380\t6291456");
  }

  @Test void badInputIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> SysctlProfile.builder("x").rpFilter(3)).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("sysctl[net.ipv4.conf.all.rp_filter]").hasMessageContaining("0..2");
    assertThatThrownBy(() -> SysctlProfile.builder("x").neighbourTable(1024, 512, 8192)).hasMessageContaining("gc_thresh2");
    assertThatThrownBy(() -> SysctlProfile.builder("x").set("net.core.somaxconn", "1; reboot")).hasMessageContaining("sysctl[net.core.somaxconn]");
    assertThatThrownBy(() -> SysctlProfile.builder("x").set("net/core/somaxconn", "1")).hasMessageContaining("dotted");
    assertThatThrownBy(() -> SysctlProfile.builder("x").set("net.core.somaxconn", "$(id)")).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> SysctlProfile.builder("Bad Name")).hasMessageContaining("sysctlProfile/name");
    assertThatThrownBy(() -> InterfaceTuning.of("eth0;reboot")).hasMessageContaining("iface");
    assertThatThrownBy(() -> InterfaceTuning.of("averyveryverylongname")).hasMessageContaining("15 bytes");
    assertThatThrownBy(() -> InterfaceTuning.of("eth0").mtu(67)).hasMessageContaining("mtu").hasMessageContaining("68..65535");
    assertThatThrownBy(() -> InterfaceTuning.of("eth0").mtu(65536)).hasMessageContaining("mtu");
  }

  @Test void theProfileConvergesAFakeHost() {
    FakeHost host = FakeHost.create("hv1");
    SysctlProfile p = SysctlProfile.hypervisor();
    assertThat(p.plan().apply(host).changed()).isTrue();
    assertThat(host.sysctl("net.ipv4.neigh.default.gc_thresh3")).isEqualTo("8192");
    assertThat(host.sysctl("net.bridge.bridge-nf-call-iptables")).isEqualTo("0");
    assertThat(host.sysctl("net.ipv4.conf.all.forwarding")).as("ip_forward sets every forwarding").isEqualTo("1");
    FakeHostSnapshot s = host.snapshot();
    assertThat(p.plan().apply(host).changed()).isFalse();
    host.assertUnchangedSince(s);
    host.run(HostCommand.of("sysctl", "-w", "net.core.somaxconn=128"));
    assertThat(p.plan().apply(host).changed()).as("a drifted key is set again").isTrue();
    assertThat(host.sysctl("net.core.somaxconn")).isEqualTo("4096");
  }

  @Test void interfaceTuningOnAFakeHost() {
    FakeHost host = FakeHost.create("hv2");
    host.run(HostCommand.of("ip", "link", "add", "eth1", "type", "veth", "peer", "name", "eth1p"));
    InterfaceTuning t = InterfaceTuning.of("eth1").mtu(9000).offload(Offload.GRO, true).offload(Offload.TSO, false).offload(Offload.LRO, false).build();
    assertThat(t.plan().steps()).extracting(s -> s.description()).containsExactly("MTU 9000 on eth1", "tso off on eth1", "gro on on eth1", "lro off on eth1");
    assertThat(t.plan().apply(host).changed()).isTrue();
    assertThat(host.link("eth1").mtu()).isEqualTo(9000);
    assertThat(host.state(Ethtool.SLOT).state("", "eth1", "gro")).isEqualTo("on");
    assertThat(host.state(Ethtool.SLOT).state("", "eth1", "tso")).isEqualTo("off");
    FakeHostSnapshot s = host.snapshot();
    assertThat(t.plan().apply(host).changed()).isFalse();
    host.assertUnchangedSince(s);

    InterfaceTuning impossible = InterfaceTuning.of("eth1").offload(Offload.GSO, false).offload(Offload.LRO, true).build();
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> impossible.plan().apply(host));
    assertThat(e.getMessage()).contains("lro on on eth1").contains("Could not change any device features");
    assertThat(host.state(Ethtool.SLOT).state("", "eth1", "gso")).as("rolled back").isEqualTo("on");
  }
}
