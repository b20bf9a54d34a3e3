package io.kvmsdk.core.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where each rule lives, proven against libvirt. A {@code CHECK} rule is one libvirt's
 * {@code nwfilter-define} refuses: {@code fromXml} and {@code build()} refuse it too, naming the field.
 * A {@code VALIDATE} rule is one libvirt accepts but silently ignores or rewrites: parsing accepts it
 * (parsing never refuses what libvirt accepts) and {@link NwFilterSpec#validate()} refuses it.
 */
class NwFilterRulePlacementTest {
  enum Placement { CHECK, VALIDATE }

  record Case(Placement placement, String field, String ruleWords, String filterAttrs, String body) {
    String xml(String name) { return "<filter name='" + name + "'" + filterAttrs + ">" + body + "</filter>"; }

    @Override public String toString() { return placement + " " + field; }
  }

  static Case check(String field, String words, String body) { return new Case(Placement.CHECK, field, words, "", body); }

  static Case checkFilter(String field, String words, String attrs, String body) { return new Case(Placement.CHECK, field, words, attrs, body); }

  static Case validate(String field, String words, String body) { return new Case(Placement.VALIDATE, field, words, "", body); }

  static String rule(String protocol) { return "<rule action='accept' direction='out'>" + protocol + "</rule>"; }

  static Stream<Case> cases() {
    return Stream.of(
        checkFilter("filter/@priority", "[-1000, 1000]", " chain='arp' priority='2000'", ""),
        checkFilter("filter/@priority", "integer", " chain='arp' priority='high'", ""),
        checkFilter("filter/@chain", "'root' or start with", " chain='rootx'", ""),
        checkFilter("filter/@chain", "at most 12", " chain='ipv4-abcdefghij'", ""),
        checkFilter("filter/@chain", "'root' or start with", " chain='ether'", ""),
        check("filter/uuid", "UUID", "<uuid>5c6d49af-b071-6127-b4ec-6f8ed4b55-335</uuid>"),
        check("filter/filterref[1]/@filter", "itself", "<filterref filter='NAME'/>"),
        check("filter/filterref[1]/@filter", "required", "<filterref/>"),
        check("filter/rule[1]/@action", "required", "<rule direction='out'/>"),
        check("filter/rule[1]/@action", "drop, accept", "<rule action='Accept' direction='out'/>"),
        check("filter/rule[1]/@direction", "required", "<rule action='accept'/>"),
        check("filter/rule[1]/@direction", "in, out or inout", "<rule action='accept' direction='both'/>"),
        check("filter/rule[1]/ip[1]/@srcipaddr", "IPv4 address", rule("<ip srcipaddr='garbage'/>")),
        check("filter/rule[1]/all[1]/@dscp", "0-63", rule("<all dscp='64'/>")),
        check("filter/rule[1]/tcp[1]/@connlimit-above", "decimal", rule("<tcp connlimit-above='0x10'/>")),
        check("filter/rule[1]/vlan[1]/@vlanid", "0-4095", rule("<vlan vlanid='4096'/>")),
        check("filter/rule[1]/mac[1]/@srcmacmask", "ones come first", rule("<mac srcmacmask='ff:00:ff:ff:ff:ff'/>")),
        check("filter/rule[1]/mac[1]/@srcmacaddr", "MAC address", rule("<mac srcmacaddr='52:54:00:zz:00:01'/>")),
        check("filter/rule[1]/mac[1]/@protocolid", "0x600-0xffff", rule("<mac protocolid='1000'/>")),
        check("filter/rule[1]/icmp[1]/@type", "0-255", rule("<icmp type='300'/>")),
        check("filter/rule[1]/ipv6[1]/@srcipaddr", "variable", rule("<ipv6 srcipaddr='$IP[@1001]'/>")),
        check("filter/rule[1]/all[1]/@comment", "variable", rule("<all comment='$ for nothing'/>")),
        check("filter/rule[1]/ip[1]/@protocol", "when ports are given", rule("<ip dstportstart='80'/>")),
        check("filter/rule[1]/ip[1]/@protocol", "when ports are given", rule("<ip protocol='$P' dstportstart='80'/>")),
        check("filter/rule[1]/ipv6[1]/@protocol", "when ports are given", rule("<ipv6 protocol='icmpv6' srcportstart='80'/>")),
        check("filter/rule[1]/tcp-ipv6[1]/@dstipto", "IPv4 address", rule("<tcp-ipv6 dstipto='::1'/>")),
        check("filter/rule[1]/all[1]/@ipset", "at most 31", rule("<all ipset='abcdefghijabcdefghijabcdefghij12'/>")),
        check("filter/rule[1]/all[1]/@state", "NEW, ESTABLISHED", rule("<all state='NEW,FOO'/>")),
        check("filter/rule[1]/tcp[1]/@flags", "mask/flags", rule("<tcp flags='SYN'/>")),
        check("filter/rule[1]/all[1]/@ipsetflags", "src and dst", rule("<all ipset='x' ipsetflags='src,foo'/>")),
        check("filter/rule[1]/arp[1]/@arpsrcipmask", "ones come first", rule("<arp arpsrcipmask='255.0.255.0'/>")),
        check("filter/rule[1]/ipv6[1]/@srcipmask", "0-128", rule("<ipv6 srcipmask='129'/>")),
        check("filter/rule[2]/stp[1]/@root-cost", "0-4294967295", "<rule action='accept' direction='in'/>" + rule("<stp root-cost='4294967296'/>")),

        validate("filter/rule[1]/@priority", "libvirt silently uses 500", "<rule action='accept' direction='out' priority='5000'><tcp/></rule>"),
        validate("filter/rule[1]/@priority", "libvirt silently uses 500", "<rule action='accept' direction='out' priority='first'><tcp/></rule>"),
        validate("filter/rule[1]/icmpv4", "not a protocol libvirt knows", rule("<icmpv4 type='8'/>")),
        validate("filter/rule[1]/ip", "uses <mac> and ignores <ip>", rule("<mac/><ip srcipaddr='garbage'/>")),
        validate("filter/rule[1]/@statematch", "false or 0", "<rule action='accept' direction='out' statematch='off'><tcp/></rule>"),
        validate("filter/rule[1]/tcp[1]/@match", "yes or no", rule("<tcp match='false' dstportstart='22'/>")),
        validate("filter/rule[1]/arp[1]/@gratuitous", "true, false", rule("<arp gratuitous='maybe'/>")),
        validate("filter/rule[1]/all[1]/@comment", "256 bytes", rule("<all comment='" + "x".repeat(300) + "'/>")),
        validate("filter/rule[1]/tcp-ipv6[1]/@flags", "does not match on this attribute", rule("<tcp-ipv6 flags='SYN/ALL'/>")),
        validate("filter/rule[1]/all[1]/@srcmacmask", "does not match on this attribute", rule("<all srcmacmask='ff:ff:ff:ff:ff:ff'/>")),
        validate("filter/rule[1]/tcp[1]/@dstmacaddr", "does not match on this attribute", rule("<tcp dstmacaddr='52:54:00:00:00:01'/>")),
        validate("filter/rule[1]/tcp[1]/@dport", "does not match on this attribute", rule("<tcp dport='22'/>")),
        validate("filter/rule[1]/tcp[1]/@ipsetflags", "drops ipset and ipsetflags", rule("<tcp ipset='x' ipsetflags='src'/>")),
        validate("filter/rule[1]/all[1]/@ipsetflags", "requires ipset", rule("<all ipsetflags='src'/>")),
        validate("filter/rule[1]/@comment", "ignores this attribute", "<rule action='accept' direction='out' comment='x'/>"),
        validate("filter/filterref[1]/parameter[1]/@name", "drops the parameter", "<filterref filter='x'><parameter name='a-b' value='1'/></filterref>"),
        validate("filter/filterref[1]/parameter[1]/@value", "drops the parameter", "<filterref filter='x'><parameter name='a' value='1 2'/></filterref>"),
        validate("filter/filterref[1]/@filter", "must not be empty", "<filterref filter=''/>"),
        validate("filter/bogus", "ignores this element", "<bogus/>"));
  }

  static String name(int i) { return "kvmsdk-placement-" + i; }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kvmSdkPlacesTheRule(Case c) {
    String xml = c.xml("kvmsdk-placement").replace("NAME", "kvmsdk-placement");
    if (c.placement() == Placement.CHECK) {
      InvalidSpecException e = catchThrowableOfType(() -> NwFilterSpec.fromXml(xml), InvalidSpecException.class);
      assertThat(e).as("fromXml refuses " + xml).isNotNull();
      assertThat(e.field()).isEqualTo(c.field());
      assertThat(e.rule()).contains(c.ruleWords());
    } else {
      NwFilterSpec s = NwFilterSpec.fromXml(xml);
      InvalidSpecException e = catchThrowableOfType(s::validate, InvalidSpecException.class);
      assertThat(e).as("validate() refuses " + xml).isNotNull();
      assertThat(e.field()).isEqualTo(c.field());
      assertThat(e.rule()).contains(c.ruleWords());
      assertThatCode(() -> NwFilterSpec.fromXml(s.toXml())).doesNotThrowAnyException();
    }
  }

  @Test
  void libvirtRefusesEveryCheckRuleAndAcceptsEveryValidateRule() {
    String uri = Virsh.uri();
    List<Case> all = cases().collect(Collectors.toList());
    List<String> names = Stream.iterate(0, i -> i + 1).limit(all.size()).map(NwFilterRulePlacementTest::name).collect(Collectors.toList());
    List<String> xmls = Stream.iterate(0, i -> i + 1).limit(all.size())
        .map(i -> all.get(i).xml(names.get(i)).replace("NAME", names.get(i))).collect(Collectors.toList());
    boolean[] accepted = Virsh.defineAll(uri, names, xmls);
    for (int i = 0; i < all.size(); i++) {
      assertThat(accepted[i]).as(all.get(i) + ": libvirt's define on " + xmls.get(i))
          .isEqualTo(all.get(i).placement() == Placement.VALIDATE);
    }
  }
}
