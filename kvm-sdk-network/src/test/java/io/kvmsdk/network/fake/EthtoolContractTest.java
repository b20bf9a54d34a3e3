package io.kvmsdk.network.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.NetnsRunner;
import io.kvmsdk.core.testing.Proc;
import io.kvmsdk.network.tuning.Offload;
import io.kvmsdk.testkit.FakeHost;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fake {@code ethtool} against ethtool 6.1 on a veth and a bridge in a scratch namespace: the same
 * commands give the same exit codes, {@code -K} the same output, and {@code -k} the same lines for
 * the features the fake lists (the real one lists ~60 more).
 */
class EthtoolContractTest {
  private static final Set<String> LISTED = Arrays.stream(Offload.values()).map(Offload::listedName).collect(Collectors.toSet());

  private static String listed(String out) {
    return out.lines().filter(l -> l.startsWith("Features for ") || LISTED.contains(l.split(":")[0])).map(l -> l + "\n").collect(Collectors.joining());
  }

  private static HostCommand e(String... args) { return HostCommand.builder().arg("ethtool").args(args).build(); }

  @Test void theFakeAnswersLikeEthtool61() {
    Proc.require("ethtool");
    FakeHost fake = FakeHost.create("ethtool-contract");
    fake.run(HostCommand.of("ip", "link", "add", "va", "type", "veth", "peer", "name", "vb"));
    fake.run(HostCommand.of("ip", "link", "add", "br0", "type", "bridge"));
    try (Netns ns = Netns.create("ethc")) {
      ns.ip("link", "add", "va", "type", "veth", "peer", "name", "vb");
      ns.ip("link", "add", "br0", "type", "bridge");
      NetnsRunner real = new NetnsRunner(ns);
      List<HostCommand> scenario = List.of(e("-k", "va"), e("-k", "br0"), e("-K", "va", "gro", "on"), e("-K", "va", "gro", "on"),
          e("-K", "va", "tso", "off", "gso", "off"), e("-k", "va"), e("-K", "va", "lro", "on"), e("-K", "va", "lro", "off"),
          e("-K", "va", "ntuple", "on"), e("-K", "br0", "rxvlan", "on"), e("-K", "br0", "gro", "off", "txvlan", "off"), e("-k", "br0"),
          e("-K", "va", "gro"), e("-k", "nope"), e("-K", "nope", "gro", "on"), e("-K", "va", "bogus", "on"), e("-k", "va"));
      int n = 0;
      for (HostCommand c : scenario) {
        n++;
        CommandResult r = real.run(c);
        CommandResult f = fake.run(c);
        String what = "case " + n + ": " + c + "\nreal: " + r.stdout() + r.stderr() + "\nfake: " + f.stdout() + f.stderr();
        assertThat(f.exitCode()).as(what).isEqualTo(r.exitCode());
        if (c.argv().get(1).equals("-k")) {
          assertThat(f.stdout()).as(what).isEqualTo(listed(r.stdout()));
        } else {
          assertThat(f.stdout()).as(what).isEqualTo(r.stdout());
        }
        if (!c.argv().contains("bogus")) assertThat(f.stderr()).as(what).isEqualTo(r.stderr());
      }
    }
  }
}
