package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import org.junit.jupiter.api.Test;

/** Bonds, 802.1Q links and bridge VLAN filtering on the fake host (this kernel has none of them to compare with). */
class FakeHostBondTest {
  private final FakeHost host = FakeHost.create("bonds");

  private CommandResult ip(String... args) { return host.run(HostCommand.builder().arg("ip").args(args).build()); }

  private JsonNode link(String name) throws Exception {
    return new ObjectMapper().readTree(ip("-d", "-j", "link", "show", "dev", name).stdout()).get(0);
  }

  @Test void aBondTakesSlavesAndShowsItsSettings() throws Exception {
    assertThat(ip("link", "add", "bond0", "type", "bond", "mode", "802.3ad", "miimon", "100", "updelay", "200",
        "lacp_rate", "fast", "xmit_hash_policy", "layer3+4").ok()).isTrue();
    ip("link", "add", "e1", "type", "veth", "peer", "name", "e1p");
    ip("link", "add", "e2", "type", "veth", "peer", "name", "e2p");
    assertThat(ip("link", "set", "bond0", "mtu", "9000").ok()).isTrue();
    assertThat(ip("link", "set", "e1", "master", "bond0").ok()).isTrue();
    assertThat(ip("link", "set", "e2", "master", "bond0").ok()).isTrue();

    JsonNode bond = link("bond0");
    assertThat(bond.at("/linkinfo/info_kind").asText()).isEqualTo("bond");
    assertThat(bond.at("/linkinfo/info_data/mode").asText()).isEqualTo("802.3ad");
    assertThat(bond.at("/linkinfo/info_data/miimon").asInt()).isEqualTo(100);
    assertThat(bond.at("/linkinfo/info_data/updelay").asInt()).isEqualTo(200);
    assertThat(bond.at("/linkinfo/info_data/ad_lacp_rate").asText()).isEqualTo("fast");
    assertThat(bond.at("/linkinfo/info_data/xmit_hash_policy").asText()).isEqualTo("layer3+4");
    JsonNode e1 = link("e1");
    assertThat(e1.get("master").asText()).isEqualTo("bond0");
    assertThat(e1.get("mtu").asInt()).as("a slave takes the bond's MTU").isEqualTo(9000);
    assertThat(e1.at("/linkinfo/info_slave_kind").asText()).isEqualTo("bond");

    CommandResult mode = ip("link", "set", "dev", "bond0", "type", "bond", "mode", "active-backup");
    assertThat(mode.exitCode()).isEqualTo(2);
    assertThat(mode.stderr()).contains("Directory not empty");
    assertThat(ip("link", "add", "bond1", "type", "bond", "mode", "fast").stderr()).contains("invalid mode");
    assertThat(ip("link", "add", "bond1", "type", "bond", "lacp_rate", "quick").stderr()).contains("invalid lacp_rate");
    assertThat(ip("link", "show", "bond1").exitCode()).as("a refused option creates nothing").isEqualTo(1);
  }

  @Test void vlansOnABondAndVlanFilteringOnABridge() throws Exception {
    ip("link", "add", "bond0", "type", "bond", "mode", "active-backup");
    assertThat(ip("link", "add", "link", "bond0", "name", "bond0.100", "type", "vlan", "id", "100").ok()).isTrue();
    assertThat(ip("link", "add", "link", "bond0", "name", "other100", "type", "vlan", "id", "100").stderr()).contains("File exists");
    assertThat(ip("link", "add", "br0", "type", "bridge", "vlan_filtering", "1").ok()).isTrue();
    assertThat(link("br0").at("/linkinfo/info_data/vlan_filtering").asInt()).isEqualTo(1);
    assertThat(ip("link", "set", "bond0", "master", "br0").ok()).isTrue();
    assertThat(host.run(HostCommand.of("bridge", "vlan", "add", "dev", "bond0", "vid", "10-12")).ok()).isTrue();
    assertThat(host.run(HostCommand.of("bridge", "-j", "vlan", "show", "dev", "bond0")).stdout()).contains("{\"vlan\":11}");
  }
}
