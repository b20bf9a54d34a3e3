package io.kvmsdk.ha.keepalived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepalivedConfTest {
  static final String FOREIGN = """
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
              auth_pass "1111"
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
      virtual_server 10.10.10.2 1358 {
          delay_loop 6
          real_server 192.168.200.2 1358 {
              weight 1
          }
      }
      """;

  @Test void aForeignFileIsTypedWhereItCanBeAndKeptWhereItCannot() {
    KeepalivedConf c = KeepalivedConf.parse(FOREIGN);
    VrrpInstance i = c.instance("VI_1").orElseThrow();
    assertThat(i.state()).contains(VrrpInstance.State.MASTER);
    assertThat(i.authentication().orElseThrow().password()).isEqualTo("1111");
    assertThat(i.virtualIpAddresses()).extracting(VirtualIpAddress::toString)
        .containsExactly("192.168.200.16/24 dev eth0 label eth0:1", "192.168.200.17");
    assertThat(c.scripts().get(0).script()).containsExactly("/usr/bin/killall", "-0", "ha proxy");
    assertThat(i.notifyMaster().orElseThrow().command()).containsExactly("/etc/keepalived/master.sh", "quoted arg");
    assertThat(i.notifyMaster().orElseThrow().user()).contains("root");
    assertThat(c.unmodeledPaths()).containsExactly("global_defs/notification_email", "vrrp_instance VI_1/smtp_alert", "virtual_server");
    KeepalivedConf back = KeepalivedConf.parse(c.render());
    assertThat(back).isEqualTo(c);
    assertThat(c.toString()).doesNotContain("1111");
  }

  @Test void whatKeepalivedWouldReadDifferentlyIsRefused() {
    assertThatThrownBy(() -> KeepalivedConf.parse("include /etc/keepalived/other.conf\n"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("keepalived.conf line 1"));
    assertThatThrownBy(() -> KeepalivedConf.parse("vrrp_instance X {\n interface eth0\n"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("missing its '}'");
    assertThatThrownBy(() -> KeepalivedConf.parse("vrrp_instance X {\n  interface eth0\n  virtual_router_id 300\n  virtual_ipaddress {\n 10.0.0.1/24\n }\n}\n"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("keepalived.conf line 1 (vrrp_instance X/virtual_router_id)"));
    // a value keepalived.conf cannot carry is refused when written, naming the field
    KeepalivedConf bad = KeepalivedConf.builder().addScript(VrrpScript.builder().name("s").addScript("/bin/echo", "it's").build())
        .globalDefs(GlobalDefs.builder().enableScriptSecurity(true).build()).build();
    assertThatThrownBy(bad::render).isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("vrrp_script s/script"));
    assertThatThrownBy(() -> KeepalivedConf.builder().addScript(VrrpScript.builder().name("s").addScript("/bin/true").build()).build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("enable_script_security");
  }

  @Test void valuesWithBlanksAndCommentCharactersSurviveTheRoundTrip() {
    KeepalivedConf c = KeepalivedConf.builder().globalDefs(GlobalDefs.builder().enableScriptSecurity(true).build())
        .addScript(VrrpScript.builder().name("chk").addScript("/usr/bin/test", "-e", "/run/a b#c!d{e}").build())
        .addInstance(VrrpInstance.builder().name("VI").iface("eth0").virtualRouterId(9)
            .addVirtualIpAddress(VirtualIpAddress.builder().address("10.0.0.9/24").label("eth0:a").build())
            .addTrackScript(TrackedScript.of("chk")).build())
        .addUnmodeled(KeepalivedStatement.of("some_future_keyword", "a value", "#x"))
        .build();
    assertThat(KeepalivedConf.parse(c.render())).isEqualTo(c);
    assertThat(List.of(c.render().split("\n"))).contains("  script \"/usr/bin/test -e '/run/a b#c!d{e}'\"");
  }
}
