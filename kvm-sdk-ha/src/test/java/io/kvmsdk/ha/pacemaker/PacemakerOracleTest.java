package io.kvmsdk.ha.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.XmlSame;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Pacemaker 2.1.5 / corosync 3.1.7 / pcs 0.11 tools judge what {@link ClusterSpec}
 * renders: {@code crm_verify} accepts every CIB, {@code crm_simulate} places colocated resources
 * together and starts them in the declared order, the {@code pcsPlan} replayed with {@code pcs -f}
 * on an empty CIB builds the same configuration, and {@code corosync -t} parses every corosync.conf.
 */
class PacemakerOracleTest {
  private Path dir;

  @BeforeEach void scratch() throws IOException { dir = Files.createTempDirectory("kvmsdk-ha-pcmk"); }

  @AfterEach void clean() throws IOException {
    try (var s = Files.walk(dir)) { s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test void crmVerifyAcceptsEveryRenderedCib() throws IOException {
    Proc.require("crm_verify");
    for (ClusterSpec c : List.of(ClusterSpecTest.withoutFencing(), ClusterSpecTest.withFencing(), withDrbd(), ClusterSpecTest.withSecrets())) {
      Path cib = write("cib.xml", c.cibXml());
      Proc.Result r = Proc.run("crm_verify", "--xml-file", cib.toString(), "-V", "-V");
      assertThat(r.rc()).as("crm_verify on\n%s\n%s", c.cibXml(), r).isZero();
    }
    // and the rule the SDK enforces is Pacemaker's: no fencing device and stonith on is exit 78
    String noFencing = ClusterSpecTest.withoutFencing().cibXml().replace("value='false'", "value='true'");
    Proc.Result r = Proc.run("crm_verify", "--xml-file", write("bad.xml", noFencing).toString(), "-V");
    assertThat(r.rc()).isEqualTo(78);
  }

  /** A guest on a DRBD device: the promotable clone, the guest where it is promoted, started after the promotion. */
  static ClusterSpec withDrbd() {
    io.kvmsdk.ha.drbd.DrbdResource r0 = io.kvmsdk.ha.drbd.DrbdResource.builder().name("r0").allowTwoPrimaries(true)
        .addVolume(io.kvmsdk.ha.drbd.DrbdVolume.of(0, "/dev/vg0/vm1")).addHost("node1", 0, "127.0.0.1").addHost("node2", 1, "127.0.0.2").build();
    return ClusterSpecTest.withoutFencing().copy(b -> b.addClone(r0.pacemakerClone())
        .addColocation(RscColocation.builder().id("vm1-on-r0").rsc("vm1").withRsc("r0-drbd-clone").withRscRole("Promoted").score("INFINITY").build())
        .addOrder(RscOrder.builder().id("r0-before-vm1").first("r0-drbd-clone").firstAction("promote").then("vm1").thenAction("start").kind("Mandatory").build()));
  }

  @Test void crmSimulateStartsDrbdEverywhereAndHoldsTheGuestUntilAPromotion() throws IOException {
    Proc.require("crm_simulate");
    Path cib = write("cib.xml", withDrbd().cibXml());
    Proc.Result r = Proc.run("crm_simulate", "-x", cib.toString(), "-S", "-q", "1", "-u", "node1", "-u", "node2");
    assertThat(r.rc()).as("%s", r).isZero();
    // the clone's instances start on both nodes; the guest waits for a Primary (the drbd agent sets the
    // promotion scores once the data is UpToDate, which a simulation without DRBD never reports)
    assertThat(r.out()).containsPattern("Resource action: r0-drbd:\\d\\s+start on node1").containsPattern("Resource action: r0-drbd:\\d\\s+start on node2");
    assertThat(r.out()).doesNotContainPattern("Resource action: vm1\\s+start").contains("vip\t(ocf:heartbeat:IPaddr2):\t Stopped");
  }

  @Test void crmSimulatePlacesColocatedResourcesTogetherInTheDeclaredOrder() throws IOException {
    Proc.require("crm_simulate");
    ClusterSpec c = ClusterSpecTest.twoNodes().disableStonith("simulation").addVirtualDomain("vm2", "/etc/libvirt/qemu/vm2.xml")
        .addVip("vip2", "192.0.2.51/24").colocate("vip2", "vm2").order("vm2", "vip2").prefer("vm2", "node2", "100").build();
    Path cib = write("cib.xml", c.cibXml());
    Proc.Result r = Proc.run("crm_simulate", "-x", cib.toString(), "-S", "-q", "1", "-u", "node1", "-u", "node2");
    assertThat(r.rc()).as("%s", r).isZero();
    List<String[]> starts = new ArrayList<>();
    Matcher m = Pattern.compile("Resource action: (\\S+)\\s+start on (\\S+)").matcher(r.out());
    while (m.find()) starts.add(new String[] {m.group(1), m.group(2)});
    assertThat(starts).extracting(s -> s[0]).containsExactlyInAnyOrder("vm1", "vip", "vm2", "vip2");
    String vm1 = node(starts, "vm1");
    assertThat(node(starts, "vip")).isEqualTo(vm1);
    assertThat(node(starts, "vm2")).isEqualTo("node2");
    assertThat(node(starts, "vip2")).isEqualTo("node2");
    assertThat(index(starts, "vm1")).isLessThan(index(starts, "vip"));
    assertThat(index(starts, "vm2")).isLessThan(index(starts, "vip2"));
  }

  private static String node(List<String[]> starts, String rsc) { return starts.stream().filter(s -> s[0].equals(rsc)).findFirst().orElseThrow()[1]; }

  private static int index(List<String[]> starts, String rsc) {
    for (int i = 0; i < starts.size(); i++) if (starts.get(i)[0].equals(rsc)) return i;
    return -1;
  }

  @Test void thePcsPlanReplayedOfflineBuildsTheSameConfiguration() throws IOException {
    Proc.require("pcs", "cibadmin", "crm_verify");
    ClusterSpec c = ClusterSpecTest.withoutFencing().copy(b -> b.property("no-quorum-policy", "stop").prefer("vm1", "node1", "50")
        .addGroup(Group.builder().id("g1").addPrimitive(IPaddr2.of("gip1", "192.0.2.61/24").toPrimitive())
            .addPrimitive(IPaddr2.of("gip2", "192.0.2.62/24").toPrimitive()).build()));
    Path cib = dir.resolve("cib.xml");
    Proc.Result empty = Proc.run("cibadmin", "--empty", "--xml-file", cib.toString());
    if (!empty.ok()) Files.writeString(cib, Proc.run("cibadmin", "--empty").out());
    LocalCommandRunner local = LocalCommandRunner.create();
    PlanResult first = c.pcsPlan(cib.toString()).apply(local);
    assertThat(first.changed()).isTrue();
    Proc.Result verify = Proc.run("crm_verify", "--xml-file", cib.toString(), "-V");
    assertThat(verify.rc()).as("%s\n%s", Files.readString(cib), verify).isZero();
    // pcs built what cibXml() says (compared element by element, in any order)
    Cib built = Cib.fromXml(Files.readString(cib));
    for (String section : List.of("resources", "constraints", "crm_config")) {
      assertThat(XmlSame.diff(canonical(section(c.cib(), section)), canonical(section(built, section))))
          .as("%s differs:\n%s\n---\n%s", section, section(c.cib(), section), section(built, section)).isNull();
    }
    PlanResult again = c.pcsPlan(cib.toString()).apply(local);
    assertThat(again.changed()).as("re-applying changes nothing: %s", again).isFalse();
  }

  @Test void secretParametersReachTheOfflineCibAsLrmReferencesOnly() throws IOException {
    Proc.require("pcs", "cibadmin", "crm_verify");
    Primitive ldap = Primitive.builder().id("ldap").resourceClass("ocf").provider("heartbeat").type("slapd")
        .addInstanceAttribute(NvSet.of("ldap-instance_attributes", java.util.Map.of("config", "/etc/ldap/slapd.d", "password", ClusterSpecTest.DB_PW),
            java.util.Map.of("bind_dn", ClusterSpecTest.CONN)))
        .operations(Operations.builder().addOp(Op.builder().id("ldap-monitor-interval-10s").name("monitor").interval("10s").timeout("20s").build()).build())
        .build();
    ClusterSpec c = ClusterSpecTest.withoutFencing().copy(b -> b.addPrimitive(ldap));
    Path cib = dir.resolve("cib.xml");
    Proc.Result empty = Proc.run("cibadmin", "--empty", "--xml-file", cib.toString());
    if (!empty.ok()) Files.writeString(cib, Proc.run("cibadmin", "--empty").out());
    PlanResult applied = c.pcsPlan(cib.toString()).apply(LocalCommandRunner.create());
    assertThat(applied.changed()).isTrue();
    String built = Files.readString(cib);
    assertThat(built).doesNotContain(ClusterSpecTest.DB_PW, ClusterSpecTest.CONN);
    Proc.Result verify = Proc.run("crm_verify", "--xml-file", cib.toString(), "-V");
    assertThat(verify.rc()).as("%s\n%s", built, verify).isZero();
    Primitive back = Cib.fromXml(built).allPrimitives().stream().filter(p -> p.id().equals(java.util.Optional.of("ldap"))).findFirst().orElseThrow();
    assertThat(back.param("password")).contains("lrm://");
    assertThat(back.param("bind_dn")).contains("lrm://");
  }

  @Test void theToolsRefuseWhatTheSdkNowRefuses() throws IOException {
    Proc.require("crm_verify", "crm_simulate");
    String good = ClusterSpecTest.withoutFencing().cibXml();
    // an order of a resource after itself aborts the scheduler once a node is up (fatal assertion, SIGABRT);
    // a score that is no integer, an unknown schema or a primitive without a type is exit 78
    Proc.Result self = Proc.run("crm_simulate", "-x", write("self.xml", good.replace("then='vip'", "then='vm1'")).toString(), "-S", "-u", "node1");
    assertThat(self.rc()).as("%s", self).isEqualTo(134);
    for (String bad : List.of("lots", "infinity")) {
      Proc.Result score = Proc.run("crm_verify", "--xml-file", write("score.xml", good.replace("score='INFINITY'", "score='" + bad + "'")).toString(), "-V");
      assertThat(score.rc()).as("%s", score).isEqualTo(78);
    }
    assertThat(Proc.run("crm_verify", "--xml-file", write("score.xml", good.replace("score='INFINITY'", "score='+007'")).toString(), "-V").rc()).isZero();
    Proc.Result schema = Proc.run("crm_verify", "--xml-file", write("schema.xml", good.replace("pacemaker-3.9", "pacemaker-9.9")).toString(), "-V");
    assertThat(schema.rc()).as("%s", schema).isEqualTo(78);
    String noType = ClusterSpecTest.withoutFencing().cibXml().replace(" type='IPaddr2'", "");
    assertThat(Proc.run("crm_verify", "--xml-file", write("notype.xml", noType).toString(), "-V").rc()).isEqualTo(78);
    String policy = ClusterSpecTest.twoNodes().disableStonith("t").property("no-quorum-policy", "stop").build().cibXml();
    assertThat(Proc.run("crm_verify", "--xml-file", write("policy.xml", policy.replace("value='stop'", "value='explode'")).toString(), "-V").rc()).isEqualTo(78);
  }

  private static XmlElement section(Cib cib, String name) {
    XmlElement conf = io.kvmsdk.ha.internal.CibCodecs.tree(cib).children().stream().filter(e -> e.name().equals("configuration")).findFirst().orElseThrow();
    return conf.children().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  /** The element with children sorted by name and id, so pcs's own order does not count. */
  private static String canonical(XmlElement e) { return sorted(e).toXml(); }

  private static XmlElement sorted(XmlElement e) {
    XmlElement.Builder b = XmlElement.builder(e.name());
    for (int i = 0; i < e.attrCount(); i++) b.attr(e.attrName(i), e.attrValue(i));
    if (e.text() != null) b.text(e.text());
    e.children().stream().map(PacemakerOracleTest::sorted)
        .sorted(Comparator.comparing((XmlElement x) -> x.name()).thenComparing(x -> String.valueOf(x.attr("id"))))
        .forEach(b::child);
    return b.build();
  }

  @Test void corosyncParsesEveryRenderedConf() throws IOException {
    Proc.require("corosync", "corosync-keygen");
    Path key = dir.resolve("authkey");
    Proc.Result kg = Proc.run("corosync-keygen", "-k", key.toString());
    Oracles.require(kg.ok(), "corosync-keygen failed: " + kg);
    Path logs = Files.createDirectories(dir.resolve("log"));
    List<ClusterSpec> specs = List.of(
        ClusterSpecTest.withoutFencing(),
        ClusterSpecTest.withFencing(),
        ClusterSpec.builder().name("two-links").addNode("node1", "198.18.7.1", "198.18.8.1").addNode("node2", "198.18.7.2", "198.18.8.2")
            .addNode("node3", "198.18.7.3", "198.18.8.3").addLink(KnetLink.of(0, 20)).addLink(KnetLink.builder().linknumber(1).priority(10).transport("sctp").build())
            .waitForAll(true).expectedVotes(3).token(5000).disableStonith("test").build(),
        ClusterSpec.builder().name("plain").addNode("node1", "127.0.0.1").cryptoCipher("none").cryptoHash("none").disableStonith("test").build(),
        // udpu and udp without crypto (knet alone encrypts), the smallest token corosync takes, a nodeid knet still takes
        ClusterSpec.builder().name("udpu").transport("udpu").addNode("node1", "198.18.7.1").addNode("node2", "198.18.7.2").token(126).disableStonith("test").build(),
        ClusterSpec.builder().name("udp").transport("udp").addNode("node1", "198.18.7.1").disableStonith("test").build(),
        ClusterSpec.builder().name("bigid").addNode(ClusterNode.builder().name("node1").nodeid(65535).addAddress("198.18.7.1").build()).disableStonith("test").build());
    try (Netns ns = Netns.create()) {
      ns.vethPair("eth0", "eth1");
      ns.ip("addr", "add", "198.18.7.1/24", "dev", "eth0");
      ns.ip("addr", "add", "198.18.8.1/24", "dev", "eth1");
      int i = 0;
      for (ClusterSpec spec : specs) {
        ClusterSpec c = spec.copy(b -> b.keyfile(key.toString()).logFile(logs.resolve("corosync.log").toString()).toSyslog(false));
        Path conf = write("corosync" + (i++) + ".conf", c.corosyncConf());
        Proc.Result r = ns.exec("corosync", "-t", "-c", conf.toString());
        assertThat(r.rc()).as("corosync -t on\n%s\n%s", c.corosyncConf(), r).isZero();
      }
    }
  }
}
