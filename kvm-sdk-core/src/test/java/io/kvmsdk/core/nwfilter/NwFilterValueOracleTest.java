package io.kvmsdk.core.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * libvirt's define as the oracle for every datatype of a rule attribute: a few hundred tricky values
 * (bases, signs, blanks, bounds, masks, inet_aton forms, scopes, variables and their indices, case)
 * go to both kvm-sdk's {@code fromXml} and libvirt's {@code nwfilter-define}; they must agree on each,
 * so kvm-sdk refuses exactly what libvirt refuses.
 */
class NwFilterValueOracleTest {
  /** One attribute per datatype of libvirt's tables: element, attribute. */
  static final Map<String, String[]> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("uint8", new String[] {"icmp", "type"});
    KINDS.put("uint16", new String[] {"tcp", "dstportstart"});
    KINDS.put("uint16 decimal", new String[] {"tcp", "connlimit-above"});
    KINDS.put("uint32", new String[] {"stp", "root-cost"});
    KINDS.put("mac", new String[] {"mac", "srcmacaddr"});
    KINDS.put("mac mask", new String[] {"mac", "srcmacmask"});
    KINDS.put("ipv4", new String[] {"all", "srcipaddr"});
    KINDS.put("ipv4 mask", new String[] {"all", "srcipmask"});
    KINDS.put("ipv6", new String[] {"all-ipv6", "srcipaddr"});
    KINDS.put("ipv6 mask", new String[] {"all-ipv6", "srcipmask"});
    KINDS.put("mac protocol", new String[] {"mac", "protocolid"});
    KINDS.put("encap protocol", new String[] {"vlan", "encap-protocol"});
    KINDS.put("vlan id", new String[] {"vlan", "vlanid"});
    KINDS.put("arp opcode", new String[] {"arp", "opcode"});
    KINDS.put("ip protocol", new String[] {"ip", "protocol"});
    KINDS.put("dscp", new String[] {"all", "dscp"});
    KINDS.put("state", new String[] {"all", "state"});
    KINDS.put("tcp flags", new String[] {"tcp", "flags"});
    KINDS.put("ipset", new String[] {"all", "ipset"});
    KINDS.put("ipset flags", new String[] {"all", "ipsetflags"});
    KINDS.put("boolean", new String[] {"arp", "gratuitous"});
    KINDS.put("text", new String[] {"all", "comment"});
    KINDS.put("ipv4 on -ipv6 dstipto", new String[] {"udp-ipv6", "dstipto"});
  }

  static final List<String> VALUES = List.of(
      "", " ", "$", "$A", "$A_1", "$A[1]", "$A[@1]", "$A[@1000]", "$A[@1001]", "$A[ @ 2 ]", "$A[1]x", "$A[", "$A[x]", "$A[-1]",
      "$A b", "$-",
      "0", "1", "63", "64", "255", "256", "0x3f", "0x40", "0xff", "0x100", "ff", "100", "fff", "4095", "4096", "0xfff",
      "0x1000", "65535", "65536", "0xffff", "0x10000", "4294967295", "4294967296", "0xffffffff", "0x100000000", "-1", "-0",
      "+5", " 5", "5 ", "0x", "0X1F", "1e3", "1.5", "0600", "1536", "0x600", "0x5ff", "60", "0x3c", "0x3b", "007",
      "01:02:03:04:05:06", "1:2:3:4:5:6", "01:02:03:04:05:06 x", "01:02:03:04:05:06x", "01-02-03-04-05-06",
      "001:02:03:04:05:06", "01:02:03:04:05", "FF:FF:FF:FF:FF:FF", "ff:ff:ff:00:00:00", "ff:00:ff:00:00:00",
      "00:00:00:00:00:00", "0x1:2:3:4:5:6",
      "10.0.0.1", "10.1", "10", "0x7f.1", "010.0.0.1", "09.0.0.1", "256.0.0.1", "10.0.0.256", "10.0.0.1 ", " 10.0.0.1",
      "1.2.3.4.5", "10..1", "255.255.255.0", "255.0.255.0", "0.0.0.0", "32", "33", "128", "129",
      "::", "::1", "1::", "fe80::1%1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "1::2::3",
      "::ffff:10.1.2.3", "::ffff:10.1.2", "12345::", "g::", ":1::", "ffff:ffff::", "ffff:0:ffff::", "FE80::A",
      "::FFFF:10.1.2.3", "::ffff:a01:203", "::10.1.2.3", "::ffff:10.1.2.3%1", "0xa.1", "1.2.3.0x", "1:2:3:4:5:6:7:8::",
      "arp", "ARP", "Arp", "rarp", "ipv4", "IPv6", "vlan", "ip", "Request", "request", "REPLY", "ARP_NAK", "InARP_Request",
      "tcp", "UDP", "icmpv6", "dccp", "NEW", "new,established", "NEW ESTABLISHED", "NEWESTABLISHED", "NONE", "NEW,",
      ",NEW", "INVALIDX", "SYN/ALL", "syn,ack/none", "SYN", "SYN/", "/SYN", "ALL/NONE/", "FOO/ALL", "src", "src,dst",
      "SRC,DST,src,dst,src,dst", "src,src,src,src,src,src,src", "src,src,src,src,src,src,", "src,", "dsts",
      "test:_.-+", "a b", "a/b", "abcdefghijabcdefghijabcdefghij1", "abcdefghijabcdefghijabcdefghij12",
      "true", "yes", "maybe");

  static String attr(String v) {
    return v.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
  }

  @Test
  void kvmSdkRefusesExactlyWhatLibvirtRefuses() {
    String uri = Virsh.uri();
    List<String> names = new ArrayList<>();
    List<String> xmls = new ArrayList<>();
    List<String> what = new ArrayList<>();
    for (Map.Entry<String, String[]> k : KINDS.entrySet()) {
      for (String v : VALUES) {
        String name = "kvmsdk-v" + xmls.size();
        String extra = k.getValue()[1].equals("ipsetflags") ? " ipset='x'" : "";
        xmls.add("<filter name='" + name + "'><rule action='accept' direction='out'><" + k.getValue()[0] + extra + " "
            + k.getValue()[1] + "='" + attr(v) + "'/></rule></filter>");
        names.add(name);
        what.add(k.getKey() + " " + k.getValue()[0] + "/@" + k.getValue()[1] + "='" + v + "'");
      }
    }
    boolean[] libvirt = Virsh.defineAll(uri, names, xmls);
    List<String> disagree = new ArrayList<>();
    for (int i = 0; i < xmls.size(); i++) {
      boolean ours;
      try {
        NwFilterSpec.fromXml(xmls.get(i));
        ours = true;
      } catch (InvalidSpecException e) {
        ours = false;
      }
      if (ours != libvirt[i]) disagree.add(what.get(i) + ": libvirt " + (libvirt[i] ? "accepts" : "refuses") + ", kvm-sdk " + (ours ? "accepts" : "refuses"));
    }
    assertThat(disagree).as("values on which kvm-sdk and libvirt's define disagree (of " + xmls.size() + ")").isEmpty();
  }
}
