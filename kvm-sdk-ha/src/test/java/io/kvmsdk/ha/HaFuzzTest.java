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
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.keepalived.VrrpAuth;
import io.kvmsdk.ha.keepalived.VrrpInstance;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  /** Replay a case with -Dkvmsdk.fuzzSeed=N; the fixes it found have regression tests below (seed4_..., seed569_...). */
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

  /** Replay a case with -Dkvmsdk.fuzzSeed=N; the fixes it found have regression tests below (seed1_..., seed178_...). */
  @Test void drbdResources() {
    String handlers = drbd().resFile().replace("  volume 10 {", "  handlers {\n    split-brain \"/usr/lib/drbd/notify-split-brain.sh root\";\n  }\n  volume 10 {");
    Fuzz.text("drbd", DrbdResource::parse, DrbdResource::resFile).seeds(List.of(drbd().resFile(), handlers))
        .secretKeywords("shared-secret")
        .words("resource", "volume", "on", "net", "disk", "device", "minor", "meta-disk", "internal", "node-id", "address",
            "ipv4", "ipv6", "protocol", "connection-mesh", "hosts", "none")
        .cases(2000).run();
  }


  static final String SMALL_KEEPALIVED = """
      global_defs {
        enable_script_security
      }
      vrrp_instance VI_1 {
        interface eth0
        virtual_router_id 51
        authentication {
          auth_type PASS
          auth_pass pw1
        }
        virtual_ipaddress {
          192.0.2.1/24
        }
        notify_master "/etc/keepalived/master.sh arg"
      }
      """;

  static Fuzz<KeepalivedConf> keepalived() { return Fuzz.text("keepalived.conf", KeepalivedConf::parse, KeepalivedConf::render).secretKeywords("auth_pass"); }

  @Test void aSmallKeepalivedConfParsesAndRendersStably() {
    assertThat(keepalived().check(SMALL_KEEPALIVED).kind).isEqualTo("parsed");
  }

  /**
   * Seeds 4, 114, 185, 291: parse took a notify command with an escaped '\\' or a control character, and an
   * empty script_user, that its own render refuses (so toString() threw): now parse refuses them.
   */
  @Test void seed4_parseRefusesWhatItsRenderCannotWriteBack() {
    Fuzz<KeepalivedConf> f = keepalived();
    assertThat(f.check(SMALL_KEEPALIVED.replace("master.sh arg", "master.sh \\\\")).kind).isEqualTo("refused");
    assertThat(f.check(SMALL_KEEPALIVED.replace("master.sh arg", "master.sh a\\\\tb")).kind).isEqualTo("refused");
    assertThat(f.check(SMALL_KEEPALIVED.replace("  enable_script_security", "  enable_script_security\n  script_user \"\"")).kind).isEqualTo("refused");
  }

  /** Seeds 569, 245: an auth_pass the codec could not type was kept verbatim and shown by toString(). */
  @Test void seed569_anAuthPassThatCannotBeTypedIsRefusedWithoutShowingIt() {
    Fuzz<KeepalivedConf> f = keepalived();
    String oneLine = SMALL_KEEPALIVED.replace("auth_type PASS\n    auth_pass pw1", "auth_type PASS auth_pass fuzzSecret1");
    String twice = SMALL_KEEPALIVED.replace("auth_pass pw1", "auth_pass pw1\n    auth_pass fuzzSecret2");
    String elsewhere = SMALL_KEEPALIVED.replace("  enable_script_security", "  auth_pass fuzzSecret3");
    String inArgs = SMALL_KEEPALIVED.replace("interface eth0", "interface eth0 auth_pass fuzzSecret4");
    for (String doc : List.of(oneLine, twice, elsewhere, inArgs)) {
      assertThat(f.check(doc).kind).as(doc).isEqualTo("refused");
    }
    assertThatThrownBy(() -> io.kvmsdk.ha.keepalived.KeepalivedStatement.of("auth_pass", "fuzzSecret5"))
        .isInstanceOf(InvalidSpecException.class).message().doesNotContain(Fuzz.CANARY);
  }

  /** VrrpInstance.toString() rendered the block unredacted, auth_pass included. */
  @Test void aVrrpInstancesToStringMasksTheAuthPass() {
    VrrpInstance i = VrrpInstance.builder().from(KeepalivedConf.parse(SMALL_KEEPALIVED).instances().get(0)).authentication(VrrpAuth.pass("s3cr3t")).build();
    assertThat(i.toString()).doesNotContain("s3cr3t").contains("auth_pass ****");
    assertThat(io.kvmsdk.ha.internal.KeepalivedCodec.render(i, false)).contains("auth_pass s3cr3t");
  }

  static Fuzz<DrbdResource> drbdFuzz() { return Fuzz.text("drbd", DrbdResource::parse, DrbdResource::resFile).secretKeywords("shared-secret"); }

  /** Seeds 1, 318: the parser's messages quoted the statement's words, the shared secret included. */
  @Test void seed1_drbdMessagesDoNotQuoteValues() {
    String res = drbd().resFile();
    assertThat(drbdFuzz().check(res).kind).isEqualTo("parsed");
    assertThat(drbdFuzz().check(res.replace("\"" + SECRET + " $x\";", "\"" + SECRET + " $x\"")).kind).isEqualTo("refused");
    assertThatThrownBy(() -> DrbdResource.parse(res.replace("shared-secret \"", "\"")))
        .isInstanceOf(InvalidSpecException.class).message().doesNotContain(Fuzz.CANARY);
  }

  /** Seeds 88, 217, 223: a second net section, kept verbatim, showed its shared-secret in toString(). */
  @Test void seed88_aSharedSecretOutsideTheTypedNetSectionIsRefused() {
    String res = drbd().resFile();
    String secondNet = res.replace("  disk {", "  net {\n    shared-secret \"" + SECRET + "2\";\n  }\n  disk {");
    assertThat(drbdFuzz().check(secondNet).kind).isEqualTo("refused");
    String inHandlers = res.replace("  disk {", "  handlers {\n    x shared-secret \"" + SECRET + "3\";\n  }\n  disk {");
    assertThat(drbdFuzz().check(inHandlers).kind).isEqualTo("refused");
  }

  /** Seeds 58, 110: a kept statement holding an escaped quote parsed, then toString() threw. */
  @Test void seed58_aKeptValueTheWriterCannotWriteIsRefusedAtParse() {
    String res = drbd().resFile().replace("  disk {", "  handlers {\n    split-brain \"a\\\"b\";\n  }\n  disk {");
    assertThat(drbdFuzz().check(res).kind).isEqualTo("refused");
  }

  /** Seeds 178, 258, 259: a host without address or node-id, a volume without device minor threw an untyped IllegalStateException. */
  @Test void seed178_missingHostAndVolumePartsAreRefusedTypedNamingTheField() {
    String res = drbd().resFile();
    assertThatThrownBy(() -> DrbdResource.parse(res.replace("    address ipv4 198.18.0.2:7790;\n", "")))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("on/address").hasMessageContaining("is required");
    assertThatThrownBy(() -> DrbdResource.parse(res.replace("    node-id 1;\n", "")))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("on/node-id");
    assertThatThrownBy(() -> DrbdResource.parse(res.replace("    device minor 11;\n", "")))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("device minor");
    assertThatThrownBy(() -> DrbdHost.builder().name("n1").build()).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("on/node-id").hasMessageContaining("on/address");
    assertThatThrownBy(() -> DrbdVolume.builder().number(1).build()).isInstanceOf(InvalidSpecException.class).hasMessageContaining("volume/device minor");
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
