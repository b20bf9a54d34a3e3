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
}
