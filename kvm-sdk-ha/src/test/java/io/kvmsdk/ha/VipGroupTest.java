package io.kvmsdk.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.keepalived.Garp;
import io.kvmsdk.ha.keepalived.KeepalivedConf;
import io.kvmsdk.ha.keepalived.NotifyScript;
import io.kvmsdk.ha.keepalived.TrackedInterface;
import io.kvmsdk.ha.keepalived.VrrpAuth;
import io.kvmsdk.ha.keepalived.VrrpScript;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class VipGroupTest {
  static VipGroup.Builder twoNodes() {
    return VipGroup.builder().name("web").virtualRouterId(51).addVip("198.18.0.100/24")
        .addNode("node1", "eth0", "198.18.0.1/24", 200)
        .addNode("node2", "eth0", "198.18.0.2/24", 100);
  }

  /** Every VRRP feature at once, as the oracle tests render it. */
  static VipGroup full() {
    return twoNodes().version(2).advertInterval(Duration.ofSeconds(1)).addVip("198.18.0.101/24")
        .auth(VrrpAuth.pass("s3cr3t!x"))
        .preemptDelay(Duration.ofSeconds(5))
        .addTrackInterface(TrackedInterface.of("eth2", -10))
        .addTrackScript(VrrpScript.builder().name("chk_vm").addScript("/usr/bin/test", "-e", "/run/vm up.flag")
            .interval(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(1)).weight(-60).rise(2).fall(2).build())
        .bfd(BfdSettings.builder().minRx(50).minTx(50).multiplier(3).build())
        .garp(Garp.builder().masterDelay(1).masterRepeat(3).masterRefresh(60).build())
        .notifyMaster(NotifyScript.of("/usr/bin/logger", "-t", "kvmsdk", "became master"))
        .notifyBackup(NotifyScript.builder().addCommand("/usr/bin/logger", "backup").user("root").build())
        .build();
  }

  @Test void rendersOneFilePerNodeWithUnicastToTheOthers() {
    VipGroup g = twoNodes().advertInterval(Duration.ofMillis(10)).build();
    assertThat(g.keepalivedConf("node1")).isEqualTo("""
        global_defs {
          router_id node1
        }
        vrrp_instance web {
          state BACKUP
          interface eth0
          virtual_router_id 51
          priority 200
          version 3
          advert_int 0.01
          unicast_src_ip 198.18.0.1
          unicast_peer {
            198.18.0.2
          }
          virtual_ipaddress {
            198.18.0.100/24 dev eth0
          }
        }
        """);
    assertThat(g.keepalivedConf("node2")).contains("priority 100", "unicast_src_ip 198.18.0.2", "    198.18.0.1\n");
  }

  @Test void everyRenderedFileParsesBackIntoTheSameTypes() {
    VipGroup g = full();
    for (String n : g.nodeNames()) {
      KeepalivedConf conf = g.keepalivedConfig(n);
      KeepalivedConf back = KeepalivedConf.parse(conf.render());
      assertThat(back).isEqualTo(conf);
      assertThat(back.unmodeledPaths()).isEmpty();
      assertThat(back.render()).isEqualTo(conf.render());
    }
  }

  @Test void theAuthPasswordIsNeverPrinted() {
    VipGroup g = full();
    assertThat(g.keepalivedConf("node1")).contains("auth_pass \"s3cr3t!x\"");
    assertThat(g.toString()).doesNotContain("s3cr3t").contains("auth_pass ****");
    assertThat(g.keepalivedConfig("node1").toString()).doesNotContain("s3cr3t");
    assertThat(g.auth().orElseThrow().toString()).doesNotContain("s3cr3t");
    assertThat(g.plan("node1").toString()).doesNotContain("s3cr3t");
    assertThat(g.plan("node1").toScript()).doesNotContain("s3cr3t");
    assertThatThrownBy(() -> g.copy(b -> b.auth(VrrpAuth.pass("waytoolong9"))))
        .isInstanceOf(InvalidSpecException.class).hasMessageNotContaining("waytoolong9");
    assertThat(g.plan("node1").toScript()).as("the file holds a password: it comes from the environment").contains("KVMSDK_SECRET_1");
  }

  @Test void aFileWithoutASecretIsShownInThePlanNotHiddenAsOne() {
    VipGroup g = twoNodes().build();
    assertThat(g.auth()).isEmpty();
    assertThat(g.plan("node1").toString()).contains("install -D -m 0600 /dev/stdin /etc/keepalived/keepalived.conf.new <<< (").doesNotContain("****");
    assertThat(g.plan("node1").toScript()).doesNotContain("KVMSDK_SECRET").contains("vrrp_instance");
  }

  private static void refused(Consumer<VipGroup.Builder> change, String field, String rule) {
    assertThatThrownBy(() -> {
      VipGroup.Builder b = twoNodes();
      change.accept(b);
      b.build();
    }).isInstanceOfSatisfying(InvalidSpecException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).contains(rule);
    });
  }

  @Test void badInputIsRefusedAtBuildTimeWithTheField() {
    refused(b -> b.virtualRouterId(0), "vip_group web/virtual_router_id", "1..255");
    refused(b -> b.virtualRouterId(256), "vip_group web/virtual_router_id", "1..255");
    refused(b -> b.addNode("node3", "eth0", "198.18.0.3/24", 0), "node node3/priority", "1..254");
    refused(b -> b.addNode("node3", "eth0", "198.18.0.3/24", 255), "node node3/priority", "255 the address owner");
    refused(b -> b.advertInterval(Duration.ofMillis(5)), "vip_group web/advert_int", "multiples of 10 ms");
    refused(b -> b.advertInterval(Duration.ofMillis(15)), "vip_group web/advert_int", "multiples of 10 ms");
    refused(b -> b.version(2).advertInterval(Duration.ofMillis(500)), "vip_group web/advert_int", "whole seconds");
    refused(b -> b.addVip("203.0.113.5/24"), "vip_group web/vip 203.0.113.5/24", "outside every node's subnet");
    refused(b -> b.addNode("node1", "eth1", "198.18.0.3/24", 50), "vip_group web/node node1", "two nodes are named");
    refused(b -> b.addNode("node3", "eth0", "198.18.0.2/24", 50), "vip_group web/node node3/address", "node2's address already");
    refused(b -> b.auth(VrrpAuth.pass("pw")), "vip_group web/authentication", "VRRPv3 has no authentication");
    refused(b -> b.addVip("198.18.0.300/24"), "virtual_ipaddress", "IPv4 or IPv6");
    refused(b -> b.addTrackInterface(TrackedInterface.of("eth0")), "vip_group web/track_interface", "tracked already");
    refused(b -> b.nopreempt().preemptDelay(Duration.ofSeconds(3)), "vip_group web/preempt_delay", "without preemption");
    refused(b -> b.addNode("bad;name", "eth0", "198.18.0.3/24", 50), "node", "letters, digits");
    refused(b -> b.addNode("node3", "eth0/x", "198.18.0.3/24", 50), "node node3/interface", "interface name");
  }

  @Test void aVipIsCheckedAgainstTheNodesPrefixesOrItsOwn() {
    VipGroup plain = VipGroup.builder().name("v6").virtualRouterId(7).addVip("2001:db8::100/64")
        .addNode("a", "eth0", "2001:db8::1", 100).addNode("b", "eth0", "2001:db8::2", 90).build();
    assertThat(plain.keepalivedConf("a")).contains("2001:db8::100/64 dev eth0", "unicast_src_ip 2001:db8::1");
    assertThatThrownBy(() -> plain.copy(b -> b.version(2))).isInstanceOf(InvalidSpecException.class).hasMessageContaining("version 3");
  }

  @Test void aSyncGroupMovesSeveralGroupsTogether() {
    VipGroup pub = twoNodes().build();
    VipGroup priv = VipGroup.builder().name("gw").virtualRouterId(52).addVip("198.19.0.1/24")
        .addNode("node1", "eth1", "198.19.0.11/24", 200).addNode("node2", "eth1", "198.19.0.12/24", 100)
        .addTrackScript(VrrpScript.builder().name("chk").addScript("/bin/true").weight(-50).build()).build();
    VipSyncGroup both = VipSyncGroup.builder().name("edge").addGroup(pub).addGroup(priv).build();
    KeepalivedConf c = both.keepalivedConfig("node2");
    assertThat(c.instances()).hasSize(2);
    assertThat(c.syncGroups().get(0).group()).containsExactly("web", "gw");
    assertThat(c.syncGroups().get(0).trackingWeight()).isTrue();
    assertThat(KeepalivedConf.parse(c.render())).isEqualTo(c);
    VipGroup other = VipGroup.builder().name("x").virtualRouterId(53).addVip("198.18.0.200/24").addNode("node1", "eth0", "198.18.0.1/24", 10).build();
    assertThatThrownBy(() -> VipSyncGroup.builder().name("edge").addGroup(pub).addGroup(other).build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("has nodes");
  }

  @Test void toStringShowsTheGroupAndEachNodesFile() {
    assertThat(full().toString()).startsWith("VipGroup web: VRID 51, VRRPv2, advert 1000 ms")
        .contains("# keepalived.conf of node1", "# keepalived.conf of node2");
  }

  @Test void aBfdNameTooLongIsNamedByTheNodeNotTheDerivedInstance() {
    assertThatThrownBy(() -> twoNodes().name("web-frontend-vips").addNode("node-with-long-name", "eth0", "198.18.0.3/24", 50)
        .bfd(BfdSettings.defaults()).build())
        .isInstanceOfSatisfying(io.kvmsdk.core.InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("vip_group web-frontend-vips/node node-with-long-name");
          assertThat(e.rule()).contains("web-frontend-vips_bfd_node-with-long-name", "at most 31");
        });
  }
}
