package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The link kinds the fake's {@code ip} knows beyond bridges and veths — bridge STP settings and
 * port options, VXLAN, macvlan/macvtap — against the real {@code ip} in a scratch namespace: the
 * same exit codes and messages, and every {@code linkinfo} field the fake prints under {@code -d}
 * has the real value. Bonds and bridge VLAN filtering are not in this kernel: {@link FakeHostBondTest}
 * covers them on the fake alone.
 */
class FakeHostLinkKindsContractTest {
  private final LocalCommandRunner real = LocalCommandRunner.create();
  private final FakeHost fake = FakeHost.create("kinds");
  private final String ns = "n1-fk-" + UUID.randomUUID().toString().substring(0, 8);
  private boolean created;

  @BeforeEach void scratchNamespace() {
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean ip = Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")) || Files.isExecutable(Path.of("/usr/bin/ip"));
    Oracles.require(root && ip, "the contract test needs root and iproute2's ip (real network namespaces)");
    CommandResult add = real.run(HostCommand.of("ip", "netns", "add", ns));
    Oracles.require(add.ok(), "cannot create a network namespace: " + add.stderr());
    created = true;
    assertThat(fake.run(HostCommand.of("ip", "netns", "add", ns)).ok()).isTrue();
  }

  @AfterEach void deleteNamespace() {
    if (created) real.run(HostCommand.of("ip", "netns", "del", ns));
  }

  private HostCommand ip(String... args) { return HostCommand.builder().args("ip", "-n", ns).args(args).build(); }

  @Test void kindOptionsFailAndSucceedAlike() throws Exception {
    List<HostCommand> cmds = List.of(
        ip("link", "add", "br0", "type", "bridge", "stp_state", "1", "forward_delay", "400", "hello_time", "200", "max_age", "2000", "priority", "100"),
        ip("link", "add", "v0", "type", "veth", "peer", "name", "v1"),
        ip("link", "set", "dev", "v0", "type", "bridge_slave", "guard", "on"),
        ip("link", "set", "v0", "master", "br0"),
        ip("link", "set", "dev", "v0", "type", "bridge_slave", "guard", "on", "cost", "5", "priority", "10", "root_block", "on"),
        ip("link", "set", "dev", "v0", "type", "bridge_slave", "priority", "64"),
        ip("link", "set", "dev", "v0", "type", "bridge_slave", "cost", "0"),
        ip("link", "set", "dev", "br0", "type", "bridge", "forward_delay", "100"),
        ip("link", "set", "dev", "br0", "type", "bridge", "hello_time", "50"),
        ip("link", "set", "dev", "br0", "type", "bridge", "max_age", "100"),
        ip("link", "set", "dev", "br0", "type", "bridge", "priority", "70000"),
        ip("link", "set", "dev", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "100"),
        ip("link", "set", "dev", "br0", "type", "bridge", "stp_state", "1"),
        ip("link", "set", "v0", "mtu", "9000"),
        ip("link", "set", "br0", "mtu", "9000"),
        ip("link", "add", "vx1", "type", "vxlan", "id", "100", "local", "198.18.5.1", "remote", "198.18.5.2", "dstport", "4789", "nolearning"),
        ip("link", "add", "vx2", "type", "vxlan", "id", "100", "dstport", "4789"),
        ip("link", "add", "vx3", "type", "vxlan", "remote", "198.18.5.2", "dstport", "4789"),
        ip("link", "add", "vx4", "type", "vxlan", "id", "300", "remote", "198.18.5.2", "group", "239.1.1.1", "dstport", "4789"),
        ip("link", "add", "vx5", "type", "vxlan", "id", "16777216", "dstport", "4789"),
        ip("link", "add", "vx6", "type", "vxlan", "id", "600", "remote", "198.18.5.2"),
        ip("link", "add", "vx7", "type", "vxlan", "id", "700", "local", "198.18.5.1", "group", "239.1.1.7", "dev", "v1", "dstport", "4789", "ttl", "5"),
        ip("link", "add", "link", "v1", "name", "mvt0", "type", "macvtap", "mode", "bridge"),
        ip("link", "add", "link", "v1", "name", "mvt1", "type", "macvtap", "mode", "bogus"),
        ip("link", "add", "link", "v1", "name", "mv0", "type", "macvlan", "mode", "private"),
        ip("link", "add", "b0", "type", "bond", "mode", "802.3ad"));
    SoftAssertions soft = new SoftAssertions();
    for (HostCommand c : cmds) {
      CommandResult r = real.run(c);
      CommandResult f = fake.run(c);
      soft.assertThat(f.exitCode()).as("exit code of `%s` (real: %s, fake: %s)", c, r.stderr().strip(), f.stderr().strip()).isEqualTo(
          // this kernel has no bonding driver: the fake answers as one that has
          c.argv().contains("bond") ? 0 : r.exitCode());
      if (!c.argv().contains("bond")) soft.assertThat(f.stderr().strip()).as("stderr of `%s`", c).isEqualTo(r.stderr().strip());
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode realLinks = json.readTree(real.run(ip("-d", "-j", "link", "show")).stdout());
    JsonNode fakeLinks = json.readTree(fake.run(ip("-d", "-j", "link", "show")).stdout());
    int compared = 0;
    for (JsonNode f : fakeLinks) {
      JsonNode r = null;
      for (JsonNode x : realLinks) if (x.path("ifname").equals(f.path("ifname"))) r = x;
      if (f.path("ifname").asText().equals("b0")) continue;
      soft.assertThat(r).as("real link %s", f.path("ifname")).isNotNull();
      if (r == null) continue;
      soft.assertThat(f.get("mtu")).as("%s mtu", f.path("ifname")).isEqualTo(r.get("mtu"));
      soft.assertThat(f.path("master")).as("%s master", f.path("ifname")).isEqualTo(r.path("master"));
      if (f.has("linkinfo")) compared += subset(soft, f.path("ifname").asText() + ".linkinfo", f.get("linkinfo"), r.get("linkinfo"));
    }
    soft.assertThat(compared).as("linkinfo fields compared").isGreaterThan(40);
    soft.assertAll();
  }

  /** Asserts every field of {@code fake} is in {@code real} with the same value; returns how many leaves it compared. */
  private static int subset(SoftAssertions soft, String at, JsonNode fake, JsonNode real) {
    if (!fake.isObject()) {
      soft.assertThat(fake).as(at).isEqualTo(real);
      return 1;
    }
    if (real == null || !real.isObject()) {
      soft.fail(at + ": the real tool has no such object");
      return 0;
    }
    int n = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = fake.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      n += subset(soft, at + "." + e.getKey(), e.getValue(), real.get(e.getKey()));
    }
    return n;
  }
}
