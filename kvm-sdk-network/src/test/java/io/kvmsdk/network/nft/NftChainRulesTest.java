package io.kvmsdk.network.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.Proc;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A base chain's family, type, hook and priority are checked together, as nft and the kernel check them:
 * each combination {@code nft -c} refuses on this machine is refused at build naming the field, and each
 * one the spec builds passes {@code nft -c}.
 */
class NftChainRulesTest {
  private static Netns ns;

  @BeforeAll static void namespace() {
    Proc.requireRoot("nft -c talks to the kernel");
    Proc.require("nft", "ip");
    ns = Netns.create("nftc");
  }

  @AfterAll static void cleanUp() {
    if (ns != null) ns.close();
  }

  private static String table(String family, String type, String hook, String priority, String rule) {
    return "table " + family + " t_x {\n\tchain c_x {\n\t\ttype " + type + " hook " + hook + " priority " + priority + "; policy accept;\n"
        + (rule.isEmpty() ? "" : "\t\t" + rule + "\n") + "\t}\n}\n";
  }

  private static Proc.Result nftCheck(String text) { return ns.exec(List.of("nft", "-c", "-f", "-"), text); }

  private static NftTable spec(String family, String type, String hook, String priority, String rule) {
    NftChain.Builder c = NftChain.of("c_x", type, hook, priority);
    if (!rule.isEmpty()) c.addRule(rule);
    return NftTable.builder().family(family).name("t_x").addChain(c.build()).build();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ip|nat|forward|filter||type|Operation not supported",
      "ip|route|input|filter||type|Operation not supported",
      "ip6|nat|forward|0||type|Operation not supported",
      "inet|route|prerouting|0||type|Operation not supported",
      "arp|filter|prerouting|filter||hook|The arp family does not support this hook",
      "inet|filter|egress|0||hook|The inet family does not support this hook",
      "ip|filter|ingress|0||hook|The ip family does not support this hook",
      "bridge|nat|postrouting|srcnat||type|No such file or directory",
      "arp|nat|input|0||type|",
      "netdev|filter|ingress|0||hook|Missing `device' in this chain definition",
      "netdev|filter|egress|0||hook|Missing `device' in this chain definition",
      "inet|filter|ingress|0||hook|Missing `device' in this chain definition",
      "ip|filter|input|dstnat||priority|invalid priority expression value in this context",
      "ip|nat|output|dstnat||priority|invalid priority expression value in this context",
      "arp|filter|input|raw||priority|invalid priority expression value in this context",
      "bridge|filter|input|mangle||priority|invalid priority expression value in this context",
      "ip|filter|input|filter|iifname \"eth0 accept|rule[1]|syntax error",
      "ip|filter|input|filter|iifname \"eth0\" \"x accept|rule[1]|syntax error"})
  void whatNftRefusesIsRefusedAtBuild(String family, String type, String hook, String priority, String rule, String field, String nftSays) {
    String r = rule == null ? "" : rule;
    Proc.Result real = nftCheck(table(family, type, hook, priority, r));
    assertThat(real.ok()).as("nft -c refuses it: %s", real).isFalse();
    if (nftSays != null) assertThat(real.err()).contains(nftSays);
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> spec(family, type, hook, priority, r));
    assertThat(e).as("refused at build: %s %s %s %s", family, type, hook, priority).isNotNull();
    assertThat(e.field()).isEqualTo("chain[c_x]/" + field);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ip|filter|forward|filter|", "ip|filter|input|raw|", "ip|filter|prerouting|dstnat|", "ip|filter|postrouting|srcnat|",
      "ip|nat|prerouting|dstnat|tcp dport 8080 dnat to 10.0.0.5:80", "ip|nat|input|100|", "ip|nat|output|-100|",
      "ip|nat|postrouting|srcnat|oifname \"eth0\" masquerade", "ip6|nat|prerouting|dstnat|", "ip6|route|output|mangle|",
      "inet|nat|postrouting|srcnat|", "inet|route|output|0|", "inet|filter|forward|security|", "arp|filter|input|filter|", "arp|filter|output|0|",
      "bridge|filter|prerouting|dstnat|", "bridge|filter|forward|-200|", "bridge|filter|postrouting|srcnat|", "bridge|filter|output|filter|"})
  void whatTheSpecBuildsPassesNftCheck(String family, String type, String hook, String priority, String rule) {
    NftTable t = spec(family, type, hook, priority, rule == null ? "" : rule);
    Proc.Result real = nftCheck(t.ruleset());
    assertThat(real.ok()).as("nft -c of\n%s\n%s", t.ruleset(), real).isTrue();
  }

  @Test
  void theRuleTellsWhatNftWants() {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> spec("ip", "nat", "forward", "filter", ""));
    assertThat(e.rule()).contains("a nat chain hooks input, output, postrouting, prerouting only").contains("got hook forward");
    e = catchThrowableOfType(InvalidSpecException.class, () -> spec("netdev", "filter", "ingress", "0", ""));
    assertThat(e.rule()).contains("needs a device");
  }
}
