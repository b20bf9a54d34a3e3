package io.kvmsdk.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where each network port rule lives, proven against a real libvirtd's {@code net-port-create}
 * (libvirt's test driver has no ports): the port parser's rules are refused by {@code fromXml}; the
 * driver's create-time rule is in {@link NetworkPortSpec#validate()}; the rest is accepted.
 */
class NetworkPortRulesOracleTest {
  enum Where { PARSE, CREATE, ACCEPTED }

  record Case(String id, Where where, String field, String xml) {}

  static final String U = "<uuid>5d744f21-ba4a-4d6e-bdb2-30a35ff3207d</uuid>";
  static final String O = "<owner><name>memtest</name><uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner>";
  static final String M = "<mac address='52:54:00:7b:35:93'/>";

  static String port(String body) { return "<networkport>" + body + "</networkport>"; }

  static final List<Case> CASES = List.of(
      new Case("no uuid", Where.PARSE, "networkport/uuid", port(O + M)),
      new Case("no owner", Where.PARSE, "networkport/owner", port(U + M)),
      new Case("owner without name", Where.PARSE, "networkport/owner/name", port(U + "<owner><uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner>" + M)),
      new Case("owner without uuid", Where.PARSE, "networkport/owner/uuid", port(U + "<owner><name>x</name></owner>" + M)),
      new Case("no mac", Where.PARSE, "networkport/mac/@address", port(U + O)),
      new Case("mac not a MAC", Where.PARSE, "networkport/mac/@address", port(U + O + "<mac address='zz'/>")),
      new Case("outbound floor", Where.PARSE, "networkport/bandwidth/outbound/@floor", port(U + O + M + "<bandwidth><outbound average='10' floor='5'/></bandwidth>")),
      new Case("VLAN id 5000", Where.PARSE, "networkport/vlan/tag[1]/@id", port(U + O + M + "<vlan><tag id='5000'/></vlan>")),
      new Case("trustGuest not yes/no", Where.PARSE, "networkport/rxfilters/@trustGuest", port(U + O + M + "<rxfilters trustGuest='maybe'/>")),
      new Case("unknown plug type", Where.PARSE, "networkport/plug/@type", port(U + O + M + "<plug type='weird'/>")),
      new Case("bridge plug without bridge", Where.PARSE, "networkport/plug/@bridge", port(U + O + M + "<plug type='bridge'/>")),
      new Case("direct plug with unknown mode", Where.PARSE, "networkport/plug/@mode", port(U + O + M + "<plug type='direct' dev='eth0' mode='x'/>")),
      new Case("hostdev plug without address", Where.PARSE, "networkport/plug/address", port(U + O + M + "<plug type='hostdev-pci' managed='yes'><driver name='vfio'/></plug>")),
      new Case("hostdev plug with unknown driver", Where.PARSE, "networkport/plug/driver/@name",
          port(U + O + M + "<plug type='hostdev-pci'><driver name='xen'/><address domain='0x0001' bus='0x02' slot='0x03' function='0x4'/></plug>")),
      new Case("unknown macTableManager", Where.PARSE, "networkport/plug/@macTableManager", port(U + O + M + "<plug type='network' bridge='virbr0' macTableManager='x'/>")),
      new Case("virtualport without type", Where.CREATE, "networkport/virtualport/@type", port(U + O + M + "<virtualport><parameters profileid='x'/></virtualport>")),
      new Case("a plain port", Where.ACCEPTED, null, port(U + O + M)),
      new Case("a multicast mac", Where.ACCEPTED, null, port(U + O + "<mac address='01:54:00:7b:35:93'/>")),
      new Case("a group", Where.ACCEPTED, null, port(U + O + "<group>nosuch</group>" + M)),
      new Case("an isolated port", Where.ACCEPTED, null, port(U + O + M + "<port isolated='yes'/>")));

  static InvalidSpecException sdk(String xml, boolean withValidate) {
    try {
      NetworkPortSpec s = NetworkPortSpec.fromXml(xml);
      if (withValidate) s.validate();
      return null;
    } catch (InvalidSpecException e) {
      return e;
    }
  }

  @Test
  void theSdkPlacesEveryPortRuleWhereTheTableSays() {
    List<String> wrong = new ArrayList<>();
    for (Case c : CASES) {
      InvalidSpecException parse = sdk(c.xml(), false);
      InvalidSpecException all = sdk(c.xml(), true);
      if (c.where() == Where.PARSE) {
        if (parse == null) wrong.add(c.id() + ": parse accepted it");
        else if (!parse.field().equals(c.field())) wrong.add(c.id() + ": field " + parse.field() + ", expected " + c.field());
      } else if (c.where() == Where.CREATE) {
        if (parse != null) wrong.add(c.id() + ": parse refused it: " + parse.getMessage());
        else if (all == null || !all.field().equals(c.field())) wrong.add(c.id() + ": validate() gave " + all);
      } else if (all != null) {
        wrong.add(c.id() + ": refused: " + all.getMessage());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aRealLibvirtdCreatesWhatTheSdkAcceptsAndRefusesTheRest() throws Exception {
    String uri = VirshNet.requireDaemon();
    String net = "kvmsdk-ports";
    Path f = Files.createTempFile("kvmsdk-net", ".xml");
    try {
      Files.writeString(f, NetworkSpec.builder().name(net).bridge(NetworkBridge.named("kvmsdkp0")).build().toXml());
      VirshNet.virsh(uri, "net-destroy", net);
      VirshNet.virsh(uri, "net-undefine", net);
      assertThat(VirshNet.virsh(uri, "net-create", f.toString()).ok()).as("transient network for the ports").isTrue();
      List<String> wrong = new ArrayList<>();
      for (Case c : CASES) {
        Files.writeString(f, c.xml());
        VirshNet.Result r = VirshNet.virsh(uri, "net-port-create", net, f.toString());
        if (r.ok()) VirshNet.virsh(uri, "net-port-delete", net, "5d744f21-ba4a-4d6e-bdb2-30a35ff3207d");
        if (c.where() == Where.ACCEPTED && !r.ok()) wrong.add(c.id() + ": libvirtd refused it: " + r.out().strip());
        if (c.where() != Where.ACCEPTED && r.ok()) wrong.add(c.id() + ": libvirtd accepted it");
        if (r.out().contains("Port reclaim not requested")) wrong.add(c.id() + ": refused for the plug, not for the rule");
      }
      assertThat(wrong).isEmpty();
    } finally {
      VirshNet.virsh(uri, "net-destroy", net);
      Files.deleteIfExists(f);
    }
  }
}
