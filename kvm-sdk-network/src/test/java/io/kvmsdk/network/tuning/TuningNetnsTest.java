package io.kvmsdk.network.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.NetnsRunner;
import io.kvmsdk.core.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Sysctl profiles and interface tuning applied for real in scratch network namespaces (root, procps, ethtool). */
class TuningNetnsTest {
  /** What a network namespace has: everything of the hypervisor profile but the neighbour tables (init namespace only). */
  static final SysctlProfile IN_A_NAMESPACE = SysctlProfile.builder("netns").ipForward(true).rpFilter(2).somaxconn(8192)
      .bridgeNfCall(false).tcpWindowScaling(true).set("net.ipv4.ip_local_port_range", "20000 60999").build();

  @Test void aProfileIsAppliedOnceThenChangesNothing() throws Exception {
    Proc.require("sysctl", "sha256sum");
    try (Netns ns = Netns.create("sysctl")) {
      NetnsRunner runner = new NetnsRunner(ns);
      assertThat(IN_A_NAMESPACE.plan().apply(runner).changed()).isTrue();
      assertThat(ns.execOk("sysctl", "-n", "net.core.somaxconn", "net.ipv4.conf.all.rp_filter", "net.bridge.bridge-nf-call-iptables",
          "net.ipv4.ip_local_port_range").out()).isEqualTo("8192\n2\n0\n20000\t60999\n");
      assertThat(IN_A_NAMESPACE.plan().apply(runner).changed()).isFalse();

      Path f = Files.createTempFile("n2-sysctl", ".conf");
      try (Netns fresh = Netns.create("sysctlp")) {
        Files.writeString(f, IN_A_NAMESPACE.sysctlConf());
        Proc.Result r = fresh.exec("sysctl", "-p", f.toString());
        assertThat(r.ok()).as("sysctl -p of the sysctl.d file: %s", r).isTrue();
        assertThat(IN_A_NAMESPACE.plan().apply(new NetnsRunner(fresh)).changed()).as("the file sets what the plan would").isFalse();
      } finally {
        Files.delete(f);
      }
    }
  }

  @Test void theHypervisorProfileInANamespaceFailsNamingTheMissingKey() {
    Proc.require("sysctl", "sha256sum");
    try (Netns ns = Netns.create("sysctlh")) {
      PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> SysctlProfile.hypervisor().plan().apply(new NetnsRunner(ns)));
      assertThat(e.getMessage()).contains("neigh/default/gc_thresh1: No such file or directory");
    }
  }

  @Test void mtuAndOffloadsOnAVeth() {
    Proc.require("ethtool");
    try (Netns ns = Netns.create("ethtool")) {
      ns.ip("link", "add", "eth1", "type", "veth", "peer", "name", "eth1p");
      NetnsRunner runner = new NetnsRunner(ns);
      InterfaceTuning t = InterfaceTuning.of("eth1").mtu(9000).offload(Offload.GRO, true).offload(Offload.TSO, false)
          .offload(Offload.LRO, false).build();
      assertThat(t.plan().apply(runner).changed()).isTrue();
      assertThat(ns.execOk("cat", "/sys/class/net/eth1/mtu").out().strip()).isEqualTo("9000");
      String k = ns.execOk("ethtool", "-k", "eth1").out();
      assertThat(k).contains("\ngeneric-receive-offload: on\n", "\ntcp-segmentation-offload: off\n", "\nlarge-receive-offload: off [fixed]\n");
      assertThat(t.plan().apply(runner).changed()).isFalse();

      InterfaceTuning impossible = InterfaceTuning.of("eth1").offload(Offload.GSO, false).offload(Offload.LRO, true).build();
      PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> impossible.plan().apply(runner));
      assertThat(e.getMessage()).contains("Could not change any device features");
      assertThat(ns.execOk("ethtool", "-k", "eth1").out()).as("gso rolled back").contains("\ngeneric-segmentation-offload: on\n");
    }
  }
}
