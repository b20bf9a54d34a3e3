package io.kvmsdk.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.Fuzz;
import io.kvmsdk.ha.pacemaker.ClusterNode;
import io.kvmsdk.ha.pacemaker.ClusterSpec;
import io.kvmsdk.ha.pacemaker.KnetLink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * corosync.conf is write-only in the SDK ({@link ClusterSpec#corosyncConf()}), so the fuzzer feeds
 * the builder: a case is a small description ({@code key value} lines, the value raw to the end of
 * the line) the mutator fills with hostile values; it is built into a {@link ClusterSpec} and must be
 * refused typed or give a corosync.conf that corosync's own reading ({@code exec/coroparse.c}: a
 * line at a time, {@code {} opens, {@code }} closes, the text after the first {@code :} trimmed is the
 * value, {@code #} at a line's start a comment, 512-byte lines) reads back as exactly the values
 * given. ({@code corosync -t} itself judges rendered files in PacemakerOracleTest.)
 */
class CorosyncConfFuzzTest {
  static final String SEED = """
      name vmcluster
      transport knet
      cipher aes256
      hash sha256
      keyfile /etc/corosync/authkey
      token 3000
      logfile /var/log/corosync/corosync.log
      link 0
      priority 10
      knet_transport udp
      link 1
      priority 20
      node node1
      nodeid 1
      addr 192.0.2.11
      addr 198.51.100.11
      node node2.example.com
      nodeid 2
      addr 192.0.2.12
      addr hv2-link1
      wait_for_all yes
      expected_votes 2
      """;

  static final String THREE = """
      name c3
      transport udpu
      cipher none
      hash none
      node a
      nodeid 7
      addr 2001:db8::1
      node b
      nodeid 8
      addr 2001:db8::2
      node c
      nodeid 9
      addr 2001:db8::3
      two_node no
      """;

  /** Builds the spec a description gives; a description value that is not even an int or yes/no is refused typed. */
  static ClusterSpec build(String description) {
    ClusterSpec.Builder b = ClusterSpec.builder().disableStonith("fuzz");
    ClusterNode.Builder node = null;
    KnetLink.Builder link = null;
    for (String line : description.split("\n", -1)) {
      int sp = line.indexOf(' ');
      if (sp < 0) continue;
      String k = line.substring(0, sp);
      String v = line.substring(sp + 1);
      switch (k) {
        case "name": b.name(v); break;
        case "transport": b.transport(v); break;
        case "cipher": b.cryptoCipher(v); break;
        case "hash": b.cryptoHash(v); break;
        case "keyfile": b.keyfile(v); break;
        case "token": b.token(integer(k, v)); break;
        case "logfile": b.logFile(v); break;
        case "wait_for_all": b.waitForAll(yes(k, v)); break;
        case "two_node": b.twoNode(yes(k, v)); break;
        case "expected_votes": b.expectedVotes(integer(k, v)); break;
        case "link":
          if (link != null) b.addLinks(link.build());
          link = KnetLink.builder().linknumber(integer(k, v));
          break;
        case "priority": if (link != null) link.priority(integer(k, v)); break;
        case "knet_transport": if (link != null) link.transport(v); break;
        case "node":
          if (node != null) b.addNodes(node.build());
          node = ClusterNode.builder().name(v);
          break;
        case "nodeid": if (node != null) node.nodeid(integer(k, v)); break;
        case "addr": if (node != null) node.addAddress(v); break;
        default: break; // a key the mutator broke: the line says nothing
      }
    }
    if (link != null) b.addLinks(link.build());
    if (node != null) b.addNodes(node.build());
    return b.build();
  }

  static int integer(String k, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new InvalidSpecException("fuzz description " + k, "not an int");
    }
  }

  static boolean yes(String k, String v) {
    if (v.equals("yes") || v.equals("no")) return v.equals("yes");
    throw new InvalidSpecException("fuzz description " + k, "not yes or no");
  }

  /** A section as corosync reads it: its key/value pairs in order and its subsections. */
  record Section(String name, List<String[]> pairs, List<Section> sections) {
    Section(String name) { this(name, new ArrayList<>(), new ArrayList<>()); }

    String get(String key) {
      String found = null;
      for (String[] p : pairs) if (p[0].equals(key)) found = p[1];
      return found;
    }

    List<Section> all(String n) { return sections.stream().filter(s -> s.name.equals(n)).toList(); }

    Section one(String n) {
      List<Section> s = all(n);
      if (s.size() != 1) throw new AssertionError("corosync reads " + s.size() + " '" + n + "' sections");
      return s.get(0);
    }
  }

  /** corosync 3's coroparse.c, as far as a rendered file needs it. */
  static Section coroparse(String text) {
    Section root = new Section("");
    List<Section> stack = new ArrayList<>(List.of(root));
    int n = 0;
    for (String raw : text.split("\n", -1)) {
      n++;
      if (raw.getBytes(StandardCharsets.UTF_8).length + 1 >= 512) throw new AssertionError("line " + n + " is longer than corosync's 512-byte buffer");
      String line = raw.stripLeading();
      if (line.isEmpty() || line.startsWith("#")) continue;
      Section cur = stack.get(stack.size() - 1);
      int brace = line.indexOf('{');
      int colon = line.indexOf(':');
      if (brace >= 0) {
        Section s = new Section(line.substring(0, brace).strip());
        cur.sections.add(s);
        stack.add(s);
      } else if (colon >= 0) {
        cur.pairs.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
      } else if (line.indexOf('}') >= 0) {
        if (stack.size() == 1) throw new AssertionError("line " + n + ": corosync reads an unexpected '}'");
        stack.remove(stack.size() - 1);
      } else {
        throw new AssertionError("line " + n + ": corosync cannot read '" + line + "'");
      }
    }
    if (stack.size() != 1) throw new AssertionError("corosync reads an unclosed section");
    return root;
  }

  static void same(String what, Object expected, String read) {
    String e = expected == null ? null : String.valueOf(expected);
    if (!java.util.Objects.equals(e, read)) throw new AssertionError("corosync reads " + what + " as '" + read + "', the spec says '" + e + "'");
  }

  /** What corosync reads of {@code c.corosyncConf()} is what {@code c} says, value for value. */
  static void readsBackTheSame(ClusterSpec c) {
    Section root = coroparse(c.corosyncConf());
    Section totem = root.one("totem");
    same("totem/cluster_name", c.name(), totem.get("cluster_name"));
    same("totem/transport", c.transport(), totem.get("transport"));
    same("totem/crypto_cipher", c.cryptoCipher(), totem.get("crypto_cipher"));
    same("totem/crypto_hash", c.cryptoHash(), totem.get("crypto_hash"));
    same("totem/keyfile", c.keyfile().orElse(null), totem.get("keyfile"));
    same("totem/token", c.token().orElse(null), totem.get("token"));
    List<Section> ifs = totem.all("interface");
    same("the number of totem/interface sections", c.links().size(), String.valueOf(ifs.size()));
    for (int i = 0; i < ifs.size(); i++) {
      KnetLink l = c.links().get(i);
      same("interface/linknumber", l.linknumber(), ifs.get(i).get("linknumber"));
      same("interface/knet_link_priority", l.priority().orElse(null), ifs.get(i).get("knet_link_priority"));
      same("interface/knet_transport", l.transport().orElse(null), ifs.get(i).get("knet_transport"));
    }
    List<Section> nodes = root.one("nodelist").all("node");
    same("the number of nodes", c.nodes().size(), String.valueOf(nodes.size()));
    for (int i = 0; i < nodes.size(); i++) {
      ClusterNode cn = c.nodes().get(i);
      same("node/name", cn.name(), nodes.get(i).get("name"));
      same("node/nodeid", cn.nodeid(), nodes.get(i).get("nodeid"));
      for (int a = 0; a < cn.addresses().size(); a++) same("node/ring" + a + "_addr", cn.addresses().get(a), nodes.get(i).get("ring" + a + "_addr"));
    }
    Section quorum = root.one("quorum");
    same("quorum/two_node", c.effectiveTwoNode() ? 1 : null, quorum.get("two_node"));
    same("quorum/wait_for_all", c.waitForAll().map(v -> v ? 1 : 0).orElse(null), quorum.get("wait_for_all"));
    same("quorum/expected_votes", c.expectedVotes().orElse(null), quorum.get("expected_votes"));
    same("logging/logfile", c.logFile(), root.one("logging").get("logfile"));
  }

  /** The fuzzer's parse: build, then check corosync's reading (an AssertionError is a failure the run names by seed). */
  static ClusterSpec buildAndRead(String description) {
    ClusterSpec c = build(description);
    readsBackTheSame(c);
    return c;
  }

  static Fuzz<ClusterSpec> fuzz() {
    return Fuzz.text("corosync.conf builder", CorosyncConfFuzzTest::buildAndRead, null)
        .words("name", "transport", "cipher", "hash", "keyfile", "token", "logfile", "link", "priority", "knet_transport", "node",
            "nodeid", "addr", "knet", "udpu", "udp", "sctp", "aes256", "none", "sha1", "yes", "no", "1", "2", "::1", "127.0.0.1", "a:b", "a: b")
        .huge(SEED + "logfile /" + "x".repeat(Fuzz.MAX_DOCUMENT) + "\n")
        .deep(SEED + "addr x\n".repeat(Fuzz.DEEP))
        .cases(1500);
  }

  @Test void everyHostileValueIsRefusedTypedOrReadByCorosyncAsGiven() {
    fuzz().seeds(List.of(SEED, THREE)).run();
  }

  @Test void theSeedsBuild() {
    assertThat(fuzz().check(SEED).kind).isEqualTo("parsed");
    build(THREE);
    assertThat(fuzz().check(THREE).kind).isEqualTo("parsed");
    assertThat(build(SEED).corosyncConf()).contains("ring1_addr: hv2-link1");
  }

  /** Seeds 4, 12, 24 and ~3,600 more of 20,000: a node without nodeid (or a spec without name, a link without number) threw Immutables' IllegalStateException. */
  @Test void seed4_missingRequiredPartsAreRefusedTypedNamingTheField() {
    assertThat(fuzz().check(SEED.replace("nodeid 2\n", "")).kind).isEqualTo("refused");
    assertThatThrownBy(() -> ClusterNode.builder().name("n1").addAddress("192.0.2.1").build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("nodelist/node/nodeid");
    assertThatThrownBy(() -> KnetLink.builder().priority(1).build()).isInstanceOf(InvalidSpecException.class).hasMessageContaining("totem/interface/linknumber");
    assertThatThrownBy(() -> ClusterSpec.builder().addNode("n1", "192.0.2.1").disableStonith("x").build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("totem/cluster_name");
  }

  /**
   * corosync reads a line into 512 bytes, not characters: a keyfile or logfile path of 300 'é' is a
   * 300-character line the writer took but 600 bytes that corosync would cut.
   */
  @Test void aLineIsMeasuredInBytesAsCorosyncReadsIt() {
    String path = "/" + "\u00e9".repeat(300);
    assertThat(fuzz().check(SEED.replace("keyfile /etc/corosync/authkey", "keyfile " + path)).kind).isEqualTo("refused");
    assertThat(fuzz().check(SEED.replace("logfile /var/log/corosync/corosync.log", "logfile " + path)).kind).isEqualTo("refused");
    assertThat(fuzz().check(SEED.replace("keyfile /etc/corosync/authkey", "keyfile /" + "\u00e9".repeat(200))).kind).isEqualTo("parsed");
  }
}
