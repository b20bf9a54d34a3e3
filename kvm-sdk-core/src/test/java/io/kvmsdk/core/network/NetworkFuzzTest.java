package io.kvmsdk.core.network;

import io.kvmsdk.core.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NetworkSpec#fromXml} and {@link NetworkPortSpec#fromXml} under {@link Fuzz}: a typed refusal or a stable re-render. */
class NetworkFuzzTest {
  static final String NETWORK = """
      <network>
        <name>default</name>
        <uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>
        <forward mode='nat'><nat><port start='1024' end='65535'/></nat></forward>
        <bridge name='virbr0' stp='on' delay='0'/>
        <mac address='52:54:00:0a:cd:21'/>
        <mtu size='9000'/>
        <bandwidth><inbound average='1000' peak='5000' burst='1024'/></bandwidth>
        <dns><host ip='192.168.122.2'><hostname>myhost</hostname></host><forwarder addr='8.8.8.8'/></dns>
        <ip address='192.168.122.1' netmask='255.255.255.0'>
          <dhcp>
            <range start='192.168.122.2' end='192.168.122.254'/>
            <host mac='00:16:3e:77:e2:ed' name='a.example.com' ip='192.168.122.10'/>
          </dhcp>
        </ip>
        <ip family='ipv6' address='2001:db8:ca2:2::1' prefix='64'/>
        <portgroup name='engineering' default='yes'><vlan><tag id='42'/></vlan></portgroup>
      </network>
      """;

  static final String PORT = """
      <networkport>
        <uuid>5d744f21-ba4a-4d6e-bdb2-30a35ff3207d</uuid>
        <owner><name>web1</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid></owner>
        <mac address='52:54:00:7b:35:93'/>
        <bandwidth><inbound average='1000'/></bandwidth>
        <plug type='bridge' bridge='virbr0' macTableManager='libvirt'/>
      </networkport>
      """;

  static List<String> seeds(String inline, String kind) {
    List<String> out = new ArrayList<>(List.of(inline));
    out.addAll(Fuzz.corpus(kind));
    return out;
  }

  @Test void networks() {
    Fuzz.xml("network", NetworkSpec::fromXml, NetworkSpec::toXml).seeds(seeds(NETWORK, "network"))
        .words("nat", "route", "bridge", "open", "isolated", "ipv6", "yes", "no", "on", "off", "192.168.122.1", "64")
        .cases(1500).run();
  }

  @Test void networkPorts() {
    Fuzz.xml("networkport", NetworkPortSpec::fromXml, NetworkPortSpec::toXml).seeds(seeds(PORT, "networkport"))
        .words("bridge", "direct", "hostdev-pci", "network", "vepa", "yes", "no").cases(1500).run();
  }
}
