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
    // a value keepalived.conf cannot carry is refused when the script is built, naming the field
    assertThatThrownBy(() -> VrrpScript.builder().name("s").addScript("/bin/echo", "it's").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("vrrp_script s/script"));
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

  private static void refusedAt(org.assertj.core.api.ThrowableAssert.ThrowingCallable build, String field, String rule) {
    assertThatThrownBy(build).isInstanceOfSatisfying(InvalidSpecException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).contains(rule);
    });
  }

  @Test void whatKeepalivedRefusesOrWouldReadElsewhereIsRefusedAtBuildTime() {
    // an include kept as an unmodelled statement would make keepalived read another file: parse() refuses it, so does the builder
    refusedAt(() -> KeepalivedStatement.of("include", "/etc/passwd"), "include", "not a statement the SDK keeps");
    refusedAt(() -> KeepalivedStatement.of("$X=1"), "$X=1", "not a statement the SDK keeps");
    // auth_pass is 8 bytes, not 8 characters: 'pässwörd' is 10 bytes
    refusedAt(() -> VrrpAuth.pass("pässwörd"), "authentication/auth_pass", "8 bytes");
    assertThat(VrrpAuth.pass("pässwö").password()).hasSize(6); // 8 bytes
    refusedAt(() -> Garp.builder().masterDelay(4295).build(), "garp_master_delay", "0..4294");
    refusedAt(() -> Garp.builder().lowerPrioDelay(86400).build(), "garp_lower_prio_delay", "0..4294");
    refusedAt(() -> Garp.builder().masterRepeat(0).build(), "garp_master_repeat", "1..");
    refusedAt(() -> Garp.builder().masterRefreshRepeat(0).build(), "garp_master_refresh_repeat", "1..");
    assertThat(Garp.builder().masterDelay(4294).build().masterDelay()).contains(4294);
    refusedAt(() -> VrrpScript.builder().name("s").addScript("/bin/true").interval(java.time.Duration.ofNanos(1000)).build(), "vrrp_script s/interval", "whole seconds 1..4294");
    refusedAt(() -> VrrpScript.builder().name("s").addScript("/bin/true").timeout(java.time.Duration.ofDays(1)).build(), "vrrp_script s/timeout", "whole seconds 1..4294");
    refusedAt(() -> VrrpScript.builder().name("s").addScript("/bin/true").interval(java.time.Duration.ofMillis(1500)).build(), "vrrp_script s/interval", "whole seconds");
    refusedAt(() -> BfdInstance.builder().name("b").neighborIp("198.18.0.2").sourceIp("2001:db8::1").build(), "bfd_instance b/source_ip", "neighbor_ip's family");
    refusedAt(() -> BfdInstance.builder().name("b".repeat(32)).neighborIp("198.18.0.2").build(), "bfd_instance", "at most 31");
    refusedAt(() -> VirtualIpAddress.builder().address("198.18.0.50/24").scope("galaxy").build(), "virtual_ipaddress/scope", "must be global, site");
    refusedAt(() -> VirtualIpAddress.builder().address("198.18.0.50/24").scope("256").build(), "virtual_ipaddress/scope", "0..255");
    refusedAt(() -> VirtualIpAddress.builder().address("198.18.0.50/24").scope("link\n}").build(), "virtual_ipaddress/scope", "must be global");
    refusedAt(() -> VirtualIpAddress.builder().address("198.18.0.50/24").label("a\"b").build(), "virtual_ipaddress/label", "'\"'");
    refusedAt(() -> VirtualIpAddress.builder().address("198.18.0.50/24").label("eth0\n:v").build(), "virtual_ipaddress/label", "control characters");
    refusedAt(() -> VirtualIpAddress.builder().address("198.18.0.50/24").addOptions("bogus").build(), "virtual_ipaddress/options", "got 'bogus'");
    refusedAt(() -> VirtualIpAddress.builder().address("198.18.0.50/24").addOptions("preferred_lft", "x").build(), "virtual_ipaddress/options", "preferred_lft");
    assertThat(VirtualIpAddress.builder().address("198.18.0.50/24").scope("200").label("eth0:v")
        .addOptions("-nodad", "noprefixroute", "preferred_lft", "forever").build().toString())
        .isEqualTo("198.18.0.50/24 scope 200 label eth0:v -nodad noprefixroute preferred_lft forever");
    refusedAt(() -> NotifyScript.of("/usr/local/bin/notify", "line\nbreak"), "notify", "control characters");
    refusedAt(() -> NotifyScript.builder().addCommand("/usr/local/bin/notify").user("root\nx y").build(), "notify/user", "USER GROUP");
  }
}
