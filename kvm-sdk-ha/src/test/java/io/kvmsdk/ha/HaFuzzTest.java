package io.kvmsdk.ha;

import io.kvmsdk.core.testing.Fuzz;
import io.kvmsdk.ha.drbd.DrbdResource;
import io.kvmsdk.ha.drbd.DrbdVolume;
import io.kvmsdk.ha.drbd.DrbdHost;
import io.kvmsdk.ha.keepalived.KeepalivedConf;
import io.kvmsdk.ha.pacemaker.Cib;
import io.kvmsdk.ha.pacemaker.ClusterSpec;
import io.kvmsdk.ha.pacemaker.ClusterStatus;
import io.kvmsdk.ha.pacemaker.StonithDevice;
import io.kvmsdk.ha.pacemaker.VirtualDomain;
import io.kvmsdk.ha.keepalived.VrrpScript;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The HA module's parsers under {@link Fuzz}: keepalived.conf, DRBD .res files, the Pacemaker CIB and
 * {@code crm_mon} XML. A typed refusal or a value whose render parses back to the same render; the
 * VRRP password, DRBD shared secret and fence passwords never in a message or a toString().
 */
class HaFuzzTest {
  static final String SECRET = Fuzz.CANARY + "Seed";

  static final String FOREIGN_KEEPALIVED = """
      ! Configuration File for keepalived
      global_defs {
         router_id LVS_DEVEL   # a comment
         script_user root
         enable_script_security
         notification_email {
           ops@example.com
         }
      }
      vrrp_script chk_haproxy {
          script "/usr/bin/killall -0 'ha proxy'"
          interval 2
          weight 2
      }
      vrrp_instance VI_1 { state MASTER
          interface eth0
          virtual_router_id 51
          priority 101
          advert_int 1
          authentication {
              auth_type PASS
              auth_pass "%s"
          }
          virtual_ipaddress {
              192.168.200.16/24 dev eth0 label eth0:1
              192.168.200.17
          }
          track_script {
              chk_haproxy
          }
          smtp_alert
          notify_master "/etc/keepalived/master.sh \\"quoted arg\\"" root
      }
      """.formatted("pw1");

  static List<String> keepalivedSeeds() {
    VipGroup web = VipGroup.builder().name("web").virtualRouterId(51).addVip("192.0.2.50/24")
        .advertInterval(Duration.ofMillis(10))
        .addNode("hv1", "eth0", "192.0.2.11/24", 200).addNode("hv2", "eth0", "192.0.2.12/24", 100)
        .addTrackScript(VrrpScript.builder().name("chk_vm").addScript("/usr/bin/test", "-e", "/run/vm1.ok")
            .interval(Duration.ofSeconds(1)).weight(-150).build())
        .build();
    return List.of(FOREIGN_KEEPALIVED, web.keepalivedConf("hv1"));
  }

  /**
   * Disabled until fixed (57 of 2,000 cases): KeepalivedConf.parse accepts values its render refuses
   * (seeds 4, 114, 185: a {@code \\} or control character in notify_master, an empty script_user), and
   * an auth_pass kept in an unmodeled statement ({@code auth_type PASS auth_pass x} on one line, seed
   * 569; a quoted-quote auth_pass, seed 245) shows in toString(). Replay: -Dkvmsdk.fuzzSeed=N.
   */
  @Disabled("finds open bugs in KeepalivedCodec (parse/render asymmetry, auth_pass in unmodeled statements): see the javadoc")
  @Test void keepalivedConf() {
    Fuzz.text("keepalived.conf", KeepalivedConf::parse, KeepalivedConf::render).seeds(keepalivedSeeds())
        .secretKeywords("auth_pass")
        .words("vrrp_instance", "vrrp_script", "global_defs", "virtual_ipaddress", "state", "MASTER", "BACKUP", "priority",
            "virtual_router_id", "advert_int", "interface", "script", "track_script", "unicast_peer", "authentication")
        .cases(2000).run();
  }

  static DrbdResource drbd() {
    return DrbdResource.builder().name("vmdata").protocol("C").allowTwoPrimaries(true).verifyAlg("sha256").cramHmacAlg("sha256")
        .sharedSecret(SECRET + " $x").port(7790).putNetOption("max-buffers", "8000").putDiskOption("resync-rate", "100M")
        .addVolume(DrbdVolume.of(10, "/dev/vg0/a"))
        .addVolume(DrbdVolume.builder().number(1).minor(11).disk("/dev/vg 0/b").build())
        .addHost("node1", 0, "198.18.0.1")
        .addHost(DrbdHost.builder().name("node2").nodeId(1).address("198.18.0.2").putDisk(1, "none").build())
        .addHost(DrbdHost.builder().name("node3").nodeId(2).address("198.18.0.3").port(7791).putDisk(0, "/dev/vg1/a").build())
        .build();
  }

  /**
   * Disabled until fixed (43 of 2,000 cases): the shared secret shows in InvalidSpecException messages
   * ({@code drbd.res line 7: 'shared-secret fuzzSecret...' takes one value}, seeds 1, 318) and in
   * toString() when it is kept in an unmodeled statement (seeds 88, 217); a volume without
   * {@code device minor N} or a host without a required part escapes as an untyped
   * IllegalStateException (seeds 178, 259, 346, 457); a parsed value whose toString() throws because a
   * kept value holds a quote (seed 58). Replay: -Dkvmsdk.fuzzSeed=N.
   */
  @Disabled("finds open bugs in DrbdCodec (shared secret in messages and toString, untyped IllegalStateException): see the javadoc")
  @Test void drbdResources() {
    String handlers = drbd().resFile().replace("  volume 10 {", "  handlers {\n    split-brain \"/usr/lib/drbd/notify-split-brain.sh root\";\n  }\n  volume 10 {");
    Fuzz.text("drbd", DrbdResource::parse, DrbdResource::resFile).seeds(List.of(drbd().resFile(), handlers))
        .secretKeywords("shared-secret")
        .words("resource", "volume", "on", "net", "disk", "device", "minor", "meta-disk", "internal", "node-id", "address",
            "ipv4", "ipv6", "protocol", "connection-mesh", "hosts", "none")
        .cases(2000).run();
  }

  static ClusterSpec cluster() {
    return ClusterSpec.builder().name("vmcluster").addNode("node1", "127.0.0.1").addNode("node2", "127.0.0.2")
        .addVirtualDomain(VirtualDomain.builder().id("vm1").config("/etc/libvirt/qemu/vm1.xml").migrationTransport("ssh").allowMigrate(true).build())
        .addVip("vip", "192.0.2.50/24").colocate("vip", "vm1").order("vm1", "vip")
        .addStonith(StonithDevice.fenceVirsh("fence-node1", "192.0.2.1", "root").password(SECRET).putParam("pcmk_host_list", "node1").build())
        .property("no-quorum-policy", "stop").prefer("vm1", "node1", "50")
        .build();
  }

  @Test void cib() {
    Fuzz.xml("cib", Cib::fromXml, Cib::toXml).seeds(List.of(cluster().cibXml()))
        .words("primitive", "nvpair", "ocf", "heartbeat", "stonith", "INFINITY", "-INFINITY", "Started", "Promoted", "true", "false")
        .cases(2000).run();
  }

  static final String CRM_MON = """
      <pacemaker-result api-version="2.25" request="crm_mon -1 --inactive --output-as=xml">
        <summary>
          <stack type="corosync"/>
          <current_dc present="true" version="2.1.5" name="node1" id="1" with_quorum="true"/>
          <nodes_configured number="2"/>
          <resources_configured number="2" disabled="0" blocked="0"/>
        </summary>
        <nodes>
          <node name="node1" id="1" online="true" standby="false" standby_onfail="false" maintenance="false" pending="false" unclean="false" shutdown="false" expected_up="true" is_dc="true" resources_running="1" type="member"/>
          <node name="node2" id="2" online="false" standby="true" standby_onfail="false" maintenance="false" pending="false" unclean="false" shutdown="false" expected_up="false" is_dc="false" resources_running="0" type="member"/>
        </nodes>
        <resources>
          <resource id="vm1" resource_agent="ocf:heartbeat:VirtualDomain" role="Started" active="true" orphaned="false" blocked="false" managed="true" failed="false" failure_ignored="false" nodes_running_on="1">
            <node name="node1" id="1" cached="true"/>
          </resource>
          <clone id="r0-clone" multi_state="true" unique="false" managed="true" disabled="false" failed="false" failure_ignored="false">
            <resource id="r0" resource_agent="ocf:linbit:drbd" role="Promoted" active="true" orphaned="false" blocked="false" managed="true" failed="false" failure_ignored="false" nodes_running_on="1">
              <node name="node1" id="1" cached="true"/>
            </resource>
          </clone>
        </resources>
        <status code="0" message="OK"/>
      </pacemaker-result>
      """;

  @Test void crmMonStatus() {
    Fuzz.xml("pacemaker-result", ClusterStatus::fromXml, null).seeds(List.of(CRM_MON))
        .refusals(io.kvmsdk.core.CommandFailedException.class)
        .words("true", "false", "Started", "Stopped", "Promoted", "node1", "node2", "0", "1")
        .cases(2000).run();
  }

  /** Seeds 32, 143, 416, 664 and 39 more: crm_mon output missing an attribute or with a bad count threw NullPointerException / NumberFormatException. */
  @Test void seed143_crmMonOutputMissingANameOrWithABadCountIsRefusedTyped() {
    Fuzz<ClusterStatus> f = Fuzz.xml("pacemaker-result", ClusterStatus::fromXml, null).refusals(io.kvmsdk.core.CommandFailedException.class);
    org.assertj.core.api.Assertions.assertThat(f.check(CRM_MON.replace("<node name=\"node2\" id=\"2\"", "<node id=\"2\"")).kind).isEqualTo("refused");
    org.assertj.core.api.Assertions.assertThat(f.check(CRM_MON.replace("resources_running=\"1\"", "resources_running=\"${HOME}\"")).kind).isEqualTo("refused");
    org.assertj.core.api.Assertions.assertThat(f.check(CRM_MON.replace("<resource id=\"vm1\"", "<resource")).kind).isEqualTo("refused");
    org.assertj.core.api.Assertions.assertThat(f.check(CRM_MON.replace(" name=\"node1\" id=\"1\" with_quorum", " id=\"1\" with_quorum")).kind).isEqualTo("refused");
    org.assertj.core.api.Assertions.assertThat(f.check(CRM_MON).kind).isEqualTo("parsed");
  }
}
