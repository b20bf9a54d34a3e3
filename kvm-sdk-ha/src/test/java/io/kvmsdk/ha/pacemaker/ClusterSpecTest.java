package io.kvmsdk.ha.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.testing.XmlSame;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ClusterSpecTest {
  static ClusterSpec.Builder twoNodes() {
    return ClusterSpec.builder().name("vmcluster")
        .addNode("node1", "127.0.0.1").addNode("node2", "127.0.0.2")
        .addVirtualDomain(VirtualDomain.builder().id("vm1").config("/etc/libvirt/qemu/vm1.xml").migrationTransport("ssh").allowMigrate(true).build())
        .addVip("vip", "192.0.2.50/24")
        .colocate("vip", "vm1")
        .order("vm1", "vip");
  }

  static ClusterSpec withoutFencing() { return twoNodes().disableStonith("test cluster without a fencing device").build(); }

  static ClusterSpec withFencing() {
    return twoNodes().addStonith(StonithDevice.fenceVirsh("fence-node1", "192.0.2.1", "root").password("fence-pw-1").putParam("pcmk_host_list", "node1").build())
        .addStonith(StonithDevice.fenceXvm("fence-xvm", "/etc/cluster/fence_xvm.key").putParam("pcmk_host_list", "node2").build())
        .property("no-quorum-policy", "stop")
        .prefer("vm1", "node1", "50")
        .addClone(Clone.builder().id("r0-clone")
            .primitive(Primitive.builder().id("r0").resourceClass("ocf").provider("linbit").type("drbd")
                .addInstanceAttribute(NvSet.of("r0-instance_attributes", java.util.Map.of("drbd_resource", "r0")))
                .operations(Operations.builder()
                    .addOp(Op.builder().id("r0-monitor-interval-20").name("monitor").interval("20").timeout("20").role("Unpromoted").build())
                    .addOp(Op.builder().id("r0-monitor-interval-10").name("monitor").interval("10").timeout("20").role("Promoted").build()).build())
                .build())
            .addMetaAttribute(NvSet.of("r0-clone-meta_attributes", new java.util.TreeMap<>(java.util.Map.of("promotable", "true", "promoted-max", "2", "notify", "true")))).build())
        .build();
  }

  @Test void corosyncConfHasKnetCryptoNodeidsAndTwoNodeQuorum() {
    ClusterSpec c = twoNodes().disableStonith("lab").addLink(KnetLink.of(0, 10)).keyfile("/etc/corosync/authkey").token(3000).build();
    assertThat(c.corosyncConf()).isEqualTo("""
        totem {
            version: 2
            cluster_name: vmcluster
            transport: knet
            token: 3000
            crypto_cipher: aes256
            crypto_hash: sha256
            keyfile: /etc/corosync/authkey

            interface {
                knet_link_priority: 10
                linknumber: 0
            }
        }

        nodelist {
            node {
                ring0_addr: 127.0.0.1
                name: node1
                nodeid: 1
            }

            node {
                ring0_addr: 127.0.0.2
                name: node2
                nodeid: 2
            }
        }

        quorum {
            provider: corosync_votequorum
            two_node: 1
        }

        logging {
            to_logfile: yes
            logfile: /var/log/corosync/corosync.log
            to_syslog: yes
            timestamp: on
        }
        """);
  }

  @Test void theCibParsesBackLosslessly() {
    for (ClusterSpec c : List.of(withoutFencing(), withFencing())) {
      Cib cib = c.cib();
      Cib back = Cib.fromXml(c.cibXml());
      assertThat(back).isEqualTo(cib);
      assertThat(back.unmodeledPaths()).containsExactly("cib/status");
      assertThat(XmlSame.diff(back.toXml(), c.cibXml())).isNull();
    }
  }

  @Test void aForeignCibKeepsWhatIsNotTyped() {
    String xml = """
        <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="8" num_updates="0" admin_epoch="0" have-quorum="1">
          <configuration>
            <crm_config><cluster_property_set id="cib-bootstrap-options"><nvpair id="o1" name="stonith-enabled" value="false"/></cluster_property_set></crm_config>
            <nodes><node id="1" uname="node1"><instance_attributes id="n1"><nvpair id="n1-standby" name="standby" value="on"/></instance_attributes></node></nodes>
            <resources>
              <primitive id="vm1" class="ocf" type="VirtualDomain" provider="heartbeat"><utilization id="u"><nvpair id="u1" name="cpu" value="2"/></utilization></primitive>
              <bundle id="b1"><docker image="x"/></bundle>
            </resources>
            <constraints>
              <rsc_location id="l1" rsc="vm1"><rule id="r1" score="-INFINITY"><expression id="e1" attribute="#uname" operation="eq" value="node2"/></rule></rsc_location>
              <rsc_ticket id="t1" rsc="vm1" ticket="tk"/>
            </constraints>
            <alerts/>
          </configuration>
          <status><node_state id="1" uname="node1" in_ccm="true"/></status>
        </cib>""";
    Cib cib = Cib.fromXml(xml);
    assertThat(XmlSame.diff(cib.toXml(), xml)).isNull();
    assertThat(cib.unmodeledPaths()).contains("cib/@crm_feature_set", "cib/status", "cib/configuration/alerts",
        "cib/configuration/resources/bundle", "cib/configuration/resources/primitive/utilization",
        "cib/configuration/constraints/rsc_location/rule", "cib/configuration/constraints/rsc_ticket");
    assertThat(cib.allPrimitives()).extracting(p -> p.id().orElseThrow()).containsExactly("vm1");
  }

  @Test void fencingPasswordsStayOutOfTheCibAndOfEverythingPrinted() {
    ClusterSpec c = withFencing();
    assertThat(c.cibXml()).doesNotContain("fence-pw-1").contains("name='password' value='lrm://'");
    assertThat(c.toString()).doesNotContain("fence-pw-1");
    assertThat(c.stonithDevices().get(0).toString()).doesNotContain("fence-pw-1");
    Plan live = c.pcsPlan();
    assertThat(live.toString()).doesNotContain("fence-pw-1").contains("cibsecret set fence-node1 password ****");
    assertThat(live.toScript()).doesNotContain("fence-pw-1");
    HostCommand set = live.steps().get(live.size() - 1).change().get(0);
    assertThat(set.argv()).containsExactly("cibsecret", "set", "fence-node1", "password", "fence-pw-1");
    assertThat(c.pcsPlan("/tmp/cib.xml").toString()).doesNotContain("cibsecret");
    // a CIB parsed from elsewhere with a plain password prints it masked
    Cib foreign = Cib.fromXml("<cib><configuration><resources><primitive id='f' class='stonith' type='fence_virsh'>"
        + "<instance_attributes id='a'><nvpair id='p' name='password' value='plain-pw'/></instance_attributes></primitive></resources></configuration></cib>");
    assertThat(foreign.toString()).doesNotContain("plain-pw").contains("value='****'");
    assertThat(foreign.toXml()).contains("plain-pw");
    assertThatThrownBy(() -> StonithDevice.fenceVirsh("f", "h", "u").putParam("passwd", "x").build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("is a secret");
  }

  @Test void thePcsPlanCreatesEachObjectOnceInOrder() {
    Plan p = withoutFencing().pcsPlan("/tmp/cib.xml");
    assertThat(p.steps()).extracting(s -> s.description()).containsExactly(
        "set cluster properties stonith-enabled (fencing off: test cluster without a fencing device)",
        "create VirtualDomain vm1", "create IPaddr2 vip", "colocate vip with vm1", "start vip after vm1");
    assertThat(p.steps().get(1).change().get(0).argv()).startsWith("pcs", "-f", "/tmp/cib.xml", "resource", "create", "vm1", "ocf:heartbeat:VirtualDomain")
        .contains("config=/etc/libvirt/qemu/vm1.xml", "--no-default-ops", "meta", "allow-migrate=true", "op", "monitor", "interval=10s");
    assertThat(p.steps().get(1).check().orElseThrow().argv()).containsExactly("cibadmin", "--query", "--xpath", "/cib/configuration//primitive[@id='vm1']");
    assertThat(p.steps().get(1).check().orElseThrow().env().get("CIB_file").value()).isEqualTo("/tmp/cib.xml");
    assertThat(p.steps().get(3).change().get(0).argv()).containsExactly("pcs", "-f", "/tmp/cib.xml", "constraint", "colocation", "add", "vip", "with", "vm1", "INFINITY", "id=colocation-vip-vm1-INFINITY");
    assertThat(withoutFencing().pcsPlan().steps().get(1).change().get(0).argv()).startsWith("pcs", "resource", "create");
  }

  private static void refused(Consumer<ClusterSpec.Builder> change, String field, String rule) {
    assertThatThrownBy(() -> {
      ClusterSpec.Builder b = twoNodes().disableStonith("test");
      change.accept(b);
      b.build();
    }).isInstanceOfSatisfying(InvalidSpecException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).contains(rule);
    });
  }

  @Test void badInputIsRefusedAtBuildTimeWithTheField() {
    refused(b -> b.colocate("vip", "ghost"), "rsc_colocation colocation-vip-ghost-INFINITY/with-rsc", "does not have: 'ghost'");
    refused(b -> b.order("ghost", "vip"), "rsc_order order-ghost-vip-mandatory/first", "does not have");
    refused(b -> b.prefer("vm1", "node9", "10"), "rsc_location location-vm1-node9-10/node", "names no node");
    refused(b -> b.addNode("node1", "127.0.0.3"), "nodelist/node node1", "two nodes are named");
    refused(b -> b.addNode("node3", "127.0.0.2"), "nodelist/node node3/ring0_addr", "node2's address already");
    refused(b -> b.addVip("vm1", "192.0.2.60/24"), "id vm1", "two objects");
    refused(b -> b.twoNode(true).addNode("node3", "127.0.0.3"), "quorum/two_node", "exactly two nodes");
    refused(b -> b.cryptoHash("none"), "totem/crypto_hash", "must be set when crypto_cipher is");
    refused(b -> b.logFile("/var/log/{x}"), "logging/logfile", "braces");
    assertThatThrownBy(() -> twoNodes().build()).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.rule()).contains("no fencing device", "crm_verify exits 78"));
    assertThatThrownBy(() -> twoNodes().property("stonith-enabled", "false").build()).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.rule()).contains("disableStonith(reason)"));
  }

  static final String DB_PW = "db-Pw-7731";
  static final String API_KEY = "ibm-apikey-0042";
  static final String CONN = "conn-str-9913";

  /** A primitive with a secret-looking parameter and one marked secret, and a fencing device with an apikey. */
  static ClusterSpec withSecrets() {
    Primitive db = Primitive.builder().id("db").resourceClass("ocf").provider("heartbeat").type("pgsql")
        .addInstanceAttribute(NvSet.of("db-instance_attributes", java.util.Map.of("pgdata", "/var/lib/pgsql/data", "password", DB_PW),
            java.util.Map.of("conninfo", CONN)))
        .operations(Operations.builder().addOp(Op.builder().id("db-monitor-interval-10s").name("monitor").interval("10s").timeout("20s").build()).build())
        .build();
    return twoNodes().addPrimitive(db)
        .addStonith(StonithDevice.builder().id("fence-vpc").agent("fence_ibm_vpc").putParam("region", "us-south")
            .putParam("pcmk_host_list", "node1 node2").putSecretParam("apikey", API_KEY).build())
        .build();
  }

  @Test void secretAgentParametersStayOutOfTheCibAndOfEverythingPrinted() {
    ClusterSpec c = withSecrets();
    for (String shown : List.of(c.cibXml(), c.toString(), c.cib().toString(), c.primitives().get(2).toString(),
        c.primitives().get(2).instanceAttributes().toString(), c.stonithDevices().get(0).toString(),
        c.pcsPlan().toString(), c.pcsPlan().toScript(), c.pcsPlan("/tmp/cib.xml").toString(), c.pcsPlan("/tmp/cib.xml").toScript())) {
      assertThat(shown).doesNotContain(DB_PW, API_KEY, CONN);
    }
    assertThat(c.cibXml()).contains("name='password' value='lrm://'", "name='conninfo' value='lrm://'", "name='apikey' value='lrm://'");
    Plan live = c.pcsPlan();
    assertThat(live.toString()).contains("cibsecret set fence-vpc apikey ****", "cibsecret set db password ****", "cibsecret set db conninfo ****");
    List<List<String>> sets = live.steps().stream().flatMap(st -> st.change().stream()).map(HostCommand::argv)
        .filter(a -> a.get(0).equals("cibsecret")).toList();
    assertThat(sets).containsExactly(List.of("cibsecret", "set", "fence-vpc", "apikey", API_KEY),
        List.of("cibsecret", "set", "db", "password", DB_PW), List.of("cibsecret", "set", "db", "conninfo", CONN));
    assertThat(c.pcsPlan("/tmp/cib.xml").toString()).doesNotContain("cibsecret");
    // the names fence agents give their secrets are secrets; paths and settings about them are not
    for (String n : List.of("password", "passwd", "apikey", "api_key", "token", "auth_token", "secret_key", "access_key", "community", "authkey", "snmp_priv_passwd", "psk")) {
      assertThat(io.kvmsdk.ha.internal.CibCodecs.isSecretParam(n)).as(n).isTrue();
    }
    for (String n : List.of("key_file", "passwd_script", "password_script", "identity_file", "auth_type", "ip", "username", "pcmk_host_list", "config", "stonith-enabled")) {
      assertThat(io.kvmsdk.ha.internal.CibCodecs.isSecretParam(n)).as(n).isFalse();
    }
    assertThatThrownBy(() -> StonithDevice.builder().id("f").agent("fence_ibm_powervs").putParam("token", "t0k3n").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("primitive f/token");
          assertThat(e.rule()).contains("putSecretParam").doesNotContain("t0k3n");
        });
    refused(b -> b.addPrimitive(Primitive.builder().id("x").resourceClass("ocf").provider("heartbeat").type("Dummy")
        .addMetaAttribute(NvSet.builder().id("x-meta").addNvpair(NvPair.secret("x-meta-k", "k", "v")).build()).build()),
        "primitive x/meta_attributes/k", "only agent parameters");
  }

  @Test void whatPcsWouldReadAsAnOptionOrCrmVerifyRefusesIsRefusedAtBuildTime() {
    assertThatThrownBy(() -> StonithDevice.builder().id("f").agent("--force").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("primitive f/type"));
    refused(b -> b.addPrimitive(Primitive.builder().id("x").resourceClass("ocf").provider("heartbeat").type("Dummy")
        .addInstanceAttribute(NvSet.of("x-ia", java.util.Map.of("state=/etc/shadow x", "1"))).build()), "primitive x/instance_attributes/state=/etc/shadow x", "no '='");
    refused(b -> b.addPrimitive(Primitive.builder().id("x").resourceClass("ocf").provider("heartbeat").type("--force").build()), "primitive x/@type", "not starting with '-'");
    refused(b -> b.addPrimitive(Primitive.builder().id("x").resourceClass("ocf").provider("heartbeat").build()), "primitive x/@type", "is required");
    refused(b -> b.order("vm1", "vm1"), "rsc_order order-vm1-vm1-mandatory/then", "after itself");
    refused(b -> b.prefer("vm1", "node1", "lots"), "rsc_location location-vm1-node1/score", "INFINITY, -INFINITY or an integer");
    refused(b -> b.prefer("vm1", "node1", "infinity"), "rsc_location location-vm1-node1/score", "INFINITY, -INFINITY or an integer");
    refused(b -> b.addColocation(RscColocation.builder().id("c2").rsc("vip").withRsc("vm1").score("lots").build()), "rsc_colocation c2/score", "an integer");
    refused(b -> b.validateWith("pacemaker-9.9"), "cib/@validate-with", "must be a Pacemaker schema");
    refused(b -> b.property("no-quorum-policy", "explode"), "crm_config/no-quorum-policy", "must be one of");
    refused(b -> b.property("symmetric-cluster", "maybe"), "crm_config/symmetric-cluster", "boolean");
    refused(b -> b.addVirtualDomain(VirtualDomain.builder().id("vm2").config("/x.xml").monitorInterval(java.time.Duration.ofSeconds(-5)).build()),
        "primitive vm2/op monitor/interval", "positive whole number of milliseconds");
    refused(b -> b.addVip(IPaddr2.builder().id("v2").cidr("192.0.2.9/24").monitorInterval(java.time.Duration.ofNanos(500_000)).build()),
        "primitive v2/op monitor/interval", "positive whole number of milliseconds");
    refused(b -> b.addPrimitive(Primitive.builder().id("x").resourceClass("ocf").provider("heartbeat").type("Dummy")
        .operations(Operations.builder().addOp(Op.builder().id("x-m").name("monitor").interval("-5s").build()).build()).build()),
        "primitive x/op x-m/@interval", "non-negative duration");
  }

  @Test void corosyncRulesAreRefusedAtBuildTime() {
    refused(b -> b.transport("udp").cryptoCipher("aes256").cryptoHash("sha256"), "totem/crypto_cipher", "only the knet transport encrypts");
    assertThat(twoNodes().disableStonith("t").transport("udpu").build().corosyncConf()).contains("crypto_cipher: none", "crypto_hash: none");
    assertThatThrownBy(() -> ClusterSpec.builder().name("c").transport("udpu").addNode("n1", "198.18.7.1", "198.18.8.1")
        .addNode("n2", "198.18.7.2", "198.18.8.2").disableStonith("t").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("nodelist/node n1/ring1_addr"));
    refused(b -> b.addNode(ClusterNode.builder().name("node3").nodeid(65536).addAddress("127.0.0.3").build()), "nodelist/node node3/nodeid", "below 65536");
    refused(b -> b.token(125), "totem/token", "at least 126");
    refused(b -> b.addNode("node3", "::1"), "nodelist/node node3/ring0_addr", "mixes IPv4 and IPv6");
  }
}
