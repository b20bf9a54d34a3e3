package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.network.ovs.OvsMirror;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Open vSwitch plans against the real ovsdb-server and ovs-vswitchd (userspace datapath) that
 * {@code scripts/oracles.sh start ovs} runs in namespace {@code $ORACLE_NETNS} with database
 * {@code $OVS_DB}: bridges, access and trunk ports, a mirror, re-apply with no change; and an OVS
 * bond between two bridges over two veth pairs that carries pings between two namespaces and
 * keeps carrying them when one of its links goes down.
 */
class OvsRealTest {
  private static final String OVS_DB = System.getenv("OVS_DB");
  private static final String OVS_NS = System.getenv("ORACLE_NETNS");
  private final List<String> namespaces = new ArrayList<>();
  private final List<BridgeSpec> bridges = new ArrayList<>();
  private final List<String> links = new ArrayList<>();
  private NetnsRunner ovsNs;
  private OvsDb db;
  private String id;

  @BeforeEach void requireOvs() {
    NetnsRunner.requireRootAndIp();
    Oracles.require(OVS_DB != null && OVS_NS != null, "no Open vSwitch oracle: run `scripts/oracles.sh start ovs` and source its env (OVS_DB, ORACLE_NETNS)");
    db = OvsDb.of(OVS_DB);
    ovsNs = new NetnsRunner(OVS_NS);
    Oracles.require(ovsNs.run(db.vsctl("show")).ok(), "ovs-vsctl cannot reach " + OVS_DB);
    id = UUID.randomUUID().toString().substring(0, 4);
  }

  @AfterEach void cleanUp() {
    for (BridgeSpec b : bridges) b.removalPlan(db).apply(ovsNs);
    for (String l : links) ovsNs.run(HostCommand.of("ip", "link", "del", l));
    for (String n : namespaces) NetnsRunner.onHost("ip", "netns", "del", n);
  }

  private String vsctl(String... args) { return ovsNs.run(db.vsctl(args)).orThrow().stdout().strip(); }

  /** A veth pair in the switch's namespace. */
  private void veth(String a, String b) {
    ovsNs.run(HostCommand.of("ip", "link", "add", a, "type", "veth", "peer", "name", b)).orThrow();
    links.add(a);
  }

  @Test
  void accessTrunkAndMirrorPortsConvergeAndReapplyWithNoChange() {
    String br = "n1br" + id;
    String vm1 = "n1a" + id;
    String up = "n1t" + id;
    String ids = "n1m" + id;
    veth(vm1, vm1 + "p");
    veth(up, up + "p");
    veth(ids, ids + "p");
    BridgeSpec spec = BridgeSpec.ovs(br).datapathType("netdev").mtu(9000)
        .addPort(vm1, 100)
        .addPort(BridgePort.builder().name(up).addTrunk(100).addTrunk(200).nativeVlan(100).build())
        .addPort(ids)
        .addMirror(OvsMirror.of("n1mir" + id, vm1, ids))
        .build();
    bridges.add(spec);
    assertThat(spec.plan(db).apply(ovsNs).changed()).isTrue();

    assertThat(vsctl("get", "Port", vm1, "tag")).isEqualTo("100");
    assertThat(vsctl("get", "Port", up, "trunks")).isEqualTo("[100, 200]");
    assertThat(vsctl("get", "Port", up, "vlan_mode")).isEqualTo("native-untagged");
    assertThat(vsctl("get", "Interface", br, "ofport")).isEqualTo("65534");
    assertThat(vsctl("get", "Interface", vm1, "mtu")).isEqualTo("9000");
    assertThat(vsctl("--columns=name", "list", "Mirror")).contains("n1mir" + id);
    CommandResult link = ovsNs.run(HostCommand.of("ip", "-j", "link", "show", "dev", vm1));
    assertThat(link.stdout()).contains("\"mtu\":9000").contains("\"UP\"");

    ovsNs.reset();
    assertThat(spec.plan(db).apply(ovsNs).changed()).isFalse();
    assertThat(ovsNs.processes.get()).isLessThanOrEqualTo(3);

    assertThat(spec.removalPlan(db).apply(ovsNs).changed()).isTrue();
    assertThat(ovsNs.run(db.vsctl("br-exists", br)).exitCode()).isEqualTo(2);
  }

  @Test
  void anOvsBondBetweenTwoBridgesCarriesTrafficAndSurvivesALinkGoingDown() throws Exception {
    String hostA = "n1-ha-" + id;
    String hostB = "n1-hb-" + id;
    for (String n : List.of(hostA, hostB)) {
      assertThat(NetnsRunner.onHost("ip", "netns", "add", n).ok()).isTrue();
      namespaces.add(n);
    }
    // the two guests' ends: one side in the switch's namespace, the other in each guest namespace
    String pa = "n1pa" + id;
    String pb = "n1pb" + id;
    veth(pa, "n1ga" + id);
    veth(pb, "n1gb" + id);
    ovsNs.run(HostCommand.of("ip", "link", "set", "n1ga" + id, "netns", hostA)).orThrow();
    ovsNs.run(HostCommand.of("ip", "link", "set", "n1gb" + id, "netns", hostB)).orThrow();
    NetnsRunner a = new NetnsRunner(hostA);
    NetnsRunner b = new NetnsRunner(hostB);
    a.run(HostCommand.of("ip", "addr", "add", "198.18.77.1/24", "dev", "n1ga" + id)).orThrow();
    b.run(HostCommand.of("ip", "addr", "add", "198.18.77.2/24", "dev", "n1gb" + id)).orThrow();
    a.run(HostCommand.of("ip", "link", "set", "n1ga" + id, "up")).orThrow();
    b.run(HostCommand.of("ip", "link", "set", "n1gb" + id, "up")).orThrow();
    // a veth leaves UDP checksums to the receiver's kernel; through OVS's userspace datapath they
    // would arrive unfinished and be dropped: the guests compute their own (as a virtio guest would)
    Oracles.require(a.run(HostCommand.of("ethtool", "-K", "n1ga" + id, "tx", "off")).ok(), "ethtool (openvswitch-common depends on it) is missing");
    b.run(HostCommand.of("ethtool", "-K", "n1gb" + id, "tx", "off")).orThrow();
    // the bond's two links: veth pairs between the bridges
    String a1 = "n1x1" + id;
    String b1 = "n1y1" + id;
    String a2 = "n1x2" + id;
    String b2 = "n1y2" + id;
    veth(a1, b1);
    veth(a2, b2);
    BridgeSpec brA = BridgeSpec.ovs("n1bA" + id).datapathType("netdev").addPort(pa)
        .addBond(BondSpec.ovs("n1bdA" + id).mode("active-backup").addMembers(a1, a2).build()).build();
    BridgeSpec brB = BridgeSpec.ovs("n1bB" + id).datapathType("netdev").addPort(pb)
        .addBond(BondSpec.ovs("n1bdB" + id).mode("active-backup").addMembers(b1, b2).build()).build();
    bridges.add(brA);
    bridges.add(brB);
    brA.plan(db).apply(ovsNs);
    brB.plan(db).apply(ovsNs);
    assertThat(vsctl("get", "Port", "n1bdA" + id, "bond_mode")).isEqualTo("active-backup");

    Process server = echoServer(hostB);
    try {
      assertThat(echoes(a, "198.18.77.2")).as("UDP echo over the bond").isTrue();
      ovsNs.run(HostCommand.of("ip", "link", "set", a1, "down")).orThrow();
      assertThat(echoes(a, "198.18.77.2")).as("UDP echo after link %s went down", a1).isTrue();
      ovsNs.run(HostCommand.of("ip", "link", "set", a1, "up")).orThrow();
      ovsNs.run(HostCommand.of("ip", "link", "set", a2, "down")).orThrow();
      assertThat(echoes(a, "198.18.77.2")).as("UDP echo after link %s went down (and %s came back)", a2, a1).isTrue();
    } finally {
      server.destroyForcibly().waitFor();
    }
  }

  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private static String echoSource() throws Exception {
    return java.nio.file.Path.of(OvsRealTest.class.getResource("/UdpEcho.java").toURI()).toString();
  }

  /** A UDP echo server on port 7777 of namespace {@code ns} for 60 s (this machine has no ping). */
  private static Process echoServer(String ns) throws Exception {
    Process p = new ProcessBuilder("ip", "netns", "exec", ns, JAVA, echoSource(), "server", "7777", "60").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Thread.sleep(1500);
    return p;
  }

  /** True when a datagram to {@code to}:7777 comes back within 15 tries of 1 s (the bond fails over, ARP is learned again). */
  private static boolean echoes(NetnsRunner from, String to) throws Exception {
    return from.run(HostCommand.builder().args(JAVA, echoSource(), "client", to, "7777", "15").timeout(java.time.Duration.ofSeconds(60)).build()).ok();
  }
}
