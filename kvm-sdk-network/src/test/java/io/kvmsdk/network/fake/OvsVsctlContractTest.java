package io.kvmsdk.network.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.testkit.FakeHost;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proof that the fake {@link OvsVsctl} answers like Open vSwitch 3.1's: the same ovs-vsctl
 * commands against the real ovsdb-server + ovs-vswitchd ({@code scripts/oracles.sh start ovs}, in
 * {@code $ORACLE_NETNS}, database {@code $OVS_DB}) and against a fake host give the same exit
 * codes, stderr and {@code get}/{@code list-ports} output, and the same {@code --format=json} rows
 * for the columns an SDK plan reads. The fake host has the same veths, so a port on a missing device
 * fails alike.
 */
class OvsVsctlContractTest {
  private static final String OVS_DB = System.getenv("OVS_DB");
  private static final String OVS_NS = System.getenv("ORACLE_NETNS");
  private final LocalCommandRunner local = LocalCommandRunner.create();
  private final FakeHost fake = FakeHost.create("ovs");
  private OvsDb db;
  private String id;
  private final List<String> cleanup = new ArrayList<>();

  @BeforeEach void requireOvs() {
    CommandResult who = local.run(HostCommand.of("id", "-u"));
    Oracles.require(who.ok() && who.stdout().strip().equals("0"), "needs root (the switch's namespace)");
    Oracles.require(OVS_DB != null && OVS_NS != null, "no Open vSwitch oracle: run `scripts/oracles.sh start ovs` and source its env (OVS_DB, ORACLE_NETNS)");
    db = OvsDb.of(OVS_DB);
    Oracles.require(real(db.vsctl("show")).ok(), "ovs-vsctl cannot reach " + OVS_DB);
    id = UUID.randomUUID().toString().substring(0, 4);
    fake.withState(OvsVsctl.OVSDB, o -> o.kernelDatapath(false));   // like this machine: no openvswitch kernel module
  }

  @AfterEach void cleanUp() {
    for (String c : cleanup) real(HostCommand.of(List.of(c.split(" "))));
  }

  private CommandResult real(HostCommand c) {
    HostCommand.Builder b = HostCommand.builder().args("ip", "netns", "exec", OVS_NS).args(c.argv()).timeout(c.timeout());
    return local.run(b.build());
  }

  private void both(String... argv) {
    assertThat(real(HostCommand.of(List.of(argv))).ok()).as("real %s", List.of(argv)).isTrue();
    assertThat(fake.run(HostCommand.of(List.of(argv))).ok()).as("fake %s", List.of(argv)).isTrue();
  }

  @Test void theSameCommandsAnswerAlike() throws Exception {
    String br = "n1cb" + id;
    String br2 = "n1cc" + id;
    String p1 = "n1p1" + id;
    String p2 = "n1p2" + id;
    String e1 = "n1e1" + id;
    String e2 = "n1e2" + id;
    for (String[] pair : new String[][] {{p1, p1 + "x"}, {e1, e1 + "x"}, {e2, e2 + "x"}}) {
      both("ip", "link", "add", pair[0], "type", "veth", "peer", "name", pair[1]);
      cleanup.add("ip link del " + pair[0]);
    }
    cleanup.add(0, String.join(" ", db.vsctl("--if-exists", "del-br", br).argv()));
    cleanup.add(0, String.join(" ", db.vsctl("--if-exists", "del-br", br2).argv()));
    String badName = "n1:" + id;   // a name the kernel refuses (':'): the rows are made, the device is not
    cleanup.add(0, String.join(" ", db.vsctl("--if-exists", "del-br", badName).argv()));
    String longName = "n1long" + id + "abcdefghij";   // 20 characters: the tap device is cut to 15, no error
    cleanup.add(0, String.join(" ", db.vsctl("--if-exists", "del-br", longName).argv()));

    List<HostCommand> cmds = List.of(
        db.vsctl("add-br", br, "--", "set", "Bridge", br, "datapath_type=netdev"),
        db.vsctl("add-br", br),
        db.vsctl("--may-exist", "add-br", br),
        db.vsctl("br-exists", br),
        db.vsctl("br-exists", "n1none" + id),
        db.vsctl("del-br", "n1none" + id),
        db.vsctl("--if-exists", "del-br", "n1none" + id),
        db.vsctl("add-port", br, p1, "tag=100"),
        db.vsctl("add-port", br, p1),
        db.vsctl("--may-exist", "add-port", br, p1),
        db.vsctl("add-port", br, p2),                       // no such device: an error printed, exit 0
        db.vsctl("add-port", "n1none" + id, "x1"),
        db.vsctl("del-port", "n1none" + id),
        db.vsctl("--if-exists", "del-port", br, "n1none" + id),
        db.vsctl("add-bond", br, "bd" + id, e1),
        db.vsctl("add-bond", br, "bd" + id, e1, e2, "bond_mode=balance-slb", "lacp=active", "other_config:lacp-time=fast"),
        db.vsctl("set", "Port", "nope" + id, "tag=1"),
        db.vsctl("set", "Port", p1, "foo=1"),
        db.vsctl("set", "Port", p1, "tag=5000"),
        db.vsctl("set", "Port", p1, "tag=abc"),
        db.vsctl("set", "Port", p1, "trunks=10,20", "vlan_mode=native-untagged"),
        db.vsctl("set", "Port", p1, "vlan_mode=sideways"),
        db.vsctl("set", "Interface", p1, "mtu_request=9000"),
        db.vsctl("set", "Bridge", br, "stp_enable=true", "other_config:stp-priority=4096"),
        db.vsctl("set-fail-mode", br, "bogus"),
        db.vsctl("set-fail-mode", br, "secure"),
        db.vsctl("clear", "Port", p1, "tag"),
        db.vsctl("clear", "Port", p1, "name"),
        db.vsctl("list", "Nope"),
        db.vsctl("get", "Port", p1, "tag", "trunks", "vlan_mode"),
        db.vsctl("get", "Bridge", br, "fail_mode", "stp_enable", "datapath_type"),
        db.vsctl("get", "Interface", br, "ofport"),
        db.vsctl("get", "Interface", p2, "ofport"),
        db.vsctl("get", "Interface", p1, "mtu"),
        db.vsctl("get", "Port", "bd" + id, "bond_mode", "lacp", "other_config:lacp-time"),
        db.vsctl("list-ports", br),
        db.vsctl("clear", "Bridge", br, "mirrors", "--", "--id=@p", "get", "Port", p1, "--", "--id=@o", "get", "Port", "bd" + id,
            "--", "--id=@m", "create", "Mirror", "name=mir" + id, "select_src_port=@p", "select_dst_port=@p", "output_port=@o",
            "--", "add", "Bridge", br, "mirrors", "@m"),
        db.vsctl("--", "--id=@s", "create", "sFlow", "agent=" + br, "targets=\"127.0.0.1:6343\"", "sampling=10", "--", "set", "Bridge", br, "sflow=@s"),
        db.vsctl("get", "sFlow", br, "sampling", "targets"),
        db.vsctl("wait-until", "Interface", br, "ofport=65534"),
        db.vsctl("add-br", badName, "--", "set", "Bridge", badName, "datapath_type=netdev"),   // EINVAL printed, exit 0
        db.vsctl("get", "Interface", badName, "ofport", "error"),
        db.vsctl("add-br", longName, "--", "set", "Bridge", longName, "datapath_type=netdev"),
        db.vsctl("get", "Interface", longName, "ofport", "error"),
        HostCommand.of("ip", "-o", "link", "show", "dev", longName.substring(0, 15)),
        HostCommand.of("ip", "-o", "link", "show", "dev", longName),
        db.vsctl("del-br", longName),
        HostCommand.of("ip", "-o", "link", "show", "dev", longName.substring(0, 15)),
        db.vsctl("add-br", br2),
        db.vsctl("--may-exist", "add-port", br2, p1),
        db.vsctl("del-br", br2),
        db.vsctl("del-port", br, p2),
        db.vsctl("get", "Port", p2, "tag"));
    SoftAssertions soft = new SoftAssertions();
    for (HostCommand c : cmds) {
      CommandResult r = real(c);
      CommandResult f = fake.run(c);
      String words = String.join(" ", c.argv().subList(3, c.argv().size()));
      soft.assertThat(f.exitCode()).as("exit of `%s` (real: %s / fake: %s)", words, r.stderr().strip(), f.stderr().strip()).isEqualTo(r.exitCode());
      soft.assertThat(f.stderr().strip()).as("stderr of `%s`", words).isEqualTo(r.stderr().strip().replace(OVS_DB, "").isEmpty() ? "" : r.stderr().strip());
      boolean ip = c.argv().get(0).equals("ip");   // ip's own lines carry an ifindex and a MAC: exit and stderr only
      if (!ip && !words.contains("create") && !words.contains("mirrors")) soft.assertThat(f.stdout()).as("stdout of `%s`", words).isEqualTo(r.stdout());
    }

    // the JSON rows the plans read, column by column (uuids differ: compared by what they point to)
    ObjectMapper json = new ObjectMapper();
    HostCommand read = db.vsctl("--format=json", "--columns=name,tag,trunks,vlan_mode,bond_mode,lacp,other_config", "list", "Port", p1, "bd" + id,
        "--", "--columns=name,type,ofport,mtu_request,error", "list", "Interface", p1, e1, br,
        "--", "--columns=name,datapath_type,fail_mode,stp_enable,other_config", "list", "Bridge", br);
    String[] realOut = real(read).stdout().strip().split("\n");
    String[] fakeOut = fake.run(read).stdout().strip().split("\n");
    soft.assertThat(fakeOut).hasSameSizeAs(realOut);
    for (int i = 0; i < Math.min(realOut.length, fakeOut.length); i++) {
      JsonNode r = json.readTree(realOut[i]);
      JsonNode f = json.readTree(fakeOut[i]);
      soft.assertThat(f.get("headings")).isEqualTo(r.get("headings"));
      soft.assertThat(ofportsAsKinds(f)).as("rows of table %d", i).isEqualTo(ofportsAsKinds(r));
    }
    soft.assertAll();
  }

  /** The rows with each ofport reduced to its kind (-1, 65534, or 1 for "some port number": vswitchd's numbering depends on its timing). */
  private static JsonNode ofportsAsKinds(JsonNode table) {
    JsonNode data = table.get("data").deepCopy();
    int col = -1;
    for (int c = 0; c < table.get("headings").size(); c++) if (table.get("headings").get(c).asText().equals("ofport")) col = c;
    if (col < 0) return data;
    for (JsonNode row : data) {
      JsonNode v = row.get(col);
      if (v.isInt() && v.asInt() > 0 && v.asInt() < 65534) ((com.fasterxml.jackson.databind.node.ArrayNode) row).set(col, 1);
    }
    return data;
  }
}
