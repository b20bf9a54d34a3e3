package io.kvmsdk.core.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to both nwfilter documents: malformed, entity-laden and oversized XML, a wrong root, a
 * rule with an unknown protocol, out-of-range priorities. Each is refused with the field and the rule:
 * at parse where libvirt's define refuses too (malformed XML, chain priority), by validate() where
 * libvirt accepts and silently ignores (unknown protocol element, rule priority). Entities are refused
 * although libvirt expands internal ones: kvm-sdk never expands entities (the team's XML policy).
 */
class NwFilterBadInputTest {
  @Test
  void malformedXmlIsRefusedNamingTheDocument() {
    assertThatThrownBy(() -> NwFilterSpec.fromXml("<filter name='mf'><rule></filter>"))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("filter"))
        .hasMessageContaining("not well-formed");
    assertThatThrownBy(() -> NwFilterBindingSpec.fromXml("<filterbinding><owner></filterbinding>"))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("filterbinding"));
  }

  @Test
  void libvirtRefusesMalformedXmlToo() {
    String uri = Virsh.uri();
    assertThat(Virsh.define(uri, "kvmsdk-mf", "<filter name='kvmsdk-mf'><rule></filter>").ok()).isFalse();
  }

  @Test
  void entitiesAreNeverExpanded(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOPSECRET");
    String external = "<?xml version='1.0'?><!DOCTYPE filter [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
        + "<filter name='x'><rule action='accept' direction='out'><all comment='&x;'/></rule></filter>";
    assertThatThrownBy(() -> NwFilterSpec.fromXml(external))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOPSECRET"));
    String internal = "<!DOCTYPE filterbinding [<!ENTITY n 'web1'>]><filterbinding><owner><name>&n;</name></owner></filterbinding>";
    assertThatThrownBy(() -> NwFilterBindingSpec.fromXml(internal)).isInstanceOf(InvalidSpecException.class).hasMessageContaining("DOCTYPE");
  }

  @Test
  void oversizedXmlIsRefusedBeforeParsing() {
    String big = "<filter name='big'><rule action='accept' direction='out'><all comment='" + "x".repeat(11 * 1024 * 1024) + "'/></rule></filter>";
    assertThatThrownBy(() -> NwFilterSpec.fromXml(big)).isInstanceOf(InvalidSpecException.class).hasMessageContaining("limit");
  }

  @Test
  void aWrongRootIsRefused() {
    assertThatThrownBy(() -> NwFilterSpec.fromXml("<filterbinding/>"))
        .isInstanceOf(InvalidSpecException.class).hasMessage("filter: root element must be <filter>, got <filterbinding>");
  }

  @Test
  void anUnknownProtocolIsKeptAtParseAndRefusedByValidate() {
    NwFilterSpec s = NwFilterSpec.fromXml("<filter name='u'><rule action='accept' direction='in'><tcp dstportstart='22'/></rule>"
        + "<rule action='drop' direction='in' priority='600'><icmp4 type='8'/></rule></filter>");
    assertThat(s.unmodeledPaths()).containsExactly("filter/rule/icmp4");
    assertThat(s.toXml()).contains("<icmp4 type='8'/>");
    assertThatThrownBy(s::validate).isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("filter/rule[2]/icmp4: is not a protocol libvirt knows (it ignores the element); use one of mac, vlan, stp");
  }

  @Test
  void outOfRangePrioritiesAreRefusedWhereLibvirtRefusesThem() {
    assertThatThrownBy(() -> NwFilterSpec.fromXml("<filter name='p' chain='ipv4' priority='-1001'/>"))
        .isInstanceOf(InvalidSpecException.class).hasMessage("filter/@priority: must be in [-1000, 1000], got -1001");
    NwFilterSpec s = NwFilterSpec.fromXml("<filter name='p'><rule action='accept' direction='in' priority='1001'/></filter>");
    assertThat(s.rules().get(0).priorityValue()).as("what libvirt makes of it").isEqualTo(500);
    assertThatThrownBy(s::validate).isInstanceOf(InvalidSpecException.class)
        .hasMessage("filter/rule[1]/@priority: must be an integer in [-1000, 1000] (libvirt silently uses 500), got '1001'");
  }

  @Test
  void anIllegalValueNamesTheRuleElementAndAttribute() {
    assertThatThrownBy(() -> NwFilterSpec.fromXml("<filter name='v'><rule action='accept' direction='in'/>"
        + "<filterref filter='x'/><rule action='accept' direction='in'><udp/><udp srcipaddr='10.0.0.300'/></rule></filter>"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("filter/rule[2]/udp[2]/@srcipaddr: must be an IPv4 address, got '10.0.0.300'");
  }
}
