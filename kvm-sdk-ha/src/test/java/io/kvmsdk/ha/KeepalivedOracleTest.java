package io.kvmsdk.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.ha.keepalived.KeepalivedConf;
import io.kvmsdk.ha.keepalived.VrrpScript;
import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * {@code keepalived -t} (keepalived 2.2.7: rc 0 only when there is no error and no warning) accepts
 * every file the SDK renders. keepalived checks the host too, so each file is checked inside a
 * scratch network namespace that has the interfaces and addresses the file names.
 */
class KeepalivedOracleTest {
  @Test void keepalivedAcceptsEveryRenderedFile() throws IOException {
    Proc.require("keepalived");
    Map<String, String> files = new LinkedHashMap<>();
    VipGroup plain = VipGroupTest.twoNodes().build();
    VipGroup fast = VipGroupTest.twoNodes().advertInterval(Duration.ofMillis(10)).nopreempt().build();
    VipGroup full = VipGroupTest.full();
    VipGroup multicast = VipGroupTest.twoNodes().unicast(false).version(2).build();
    VipGroup gw = VipGroup.builder().name("gw").virtualRouterId(52).addVip("198.19.0.1/24")
        .addNode("node1", "eth1", "198.19.0.11/24", 200).addNode("node2", "eth1", "198.19.0.12/24", 100)
        .addTrackScript(VrrpScript.builder().name("chk_gw").addScript("/usr/bin/test", "-d", "/").weight(-50).build()).build();
    VipSyncGroup sync = VipSyncGroup.builder().name("edge").addGroup(plain).addGroup(gw).build();
    VipGroup v6 = VipGroup.builder().name("v6").virtualRouterId(7).addVip("2001:db8::100/64")
        .addNode("node1", "eth0", "2001:db8::1/64", 100).addNode("node2", "eth0", "2001:db8::2/64", 90).build();
    for (String n : plain.nodeNames()) {
      files.put("plain " + n, plain.keepalivedConf(n));
      files.put("10 ms " + n, fast.keepalivedConf(n));
      files.put("full " + n, full.keepalivedConf(n));
      files.put("multicast " + n, multicast.keepalivedConf(n));
      files.put("sync " + n, sync.keepalivedConf(n));
      files.put("ipv6 " + n, v6.keepalivedConf(n));
      // and what the parser reads back renders to a file keepalived accepts as well
      files.put("reparsed full " + n, KeepalivedConf.parse(full.keepalivedConf(n)).render());
    }
    Path dir = Files.createTempDirectory("kvmsdk-ha-ka");
    SoftAssertions soft = new SoftAssertions();
    try (Netns ns = Netns.create()) {
      ns.vethPair("eth0", "peer0");
      ns.vethPair("eth1", "peer1");
      ns.vethPair("eth2", "peer2");
      ns.ip("addr", "add", "198.18.0.1/24", "dev", "eth0");
      ns.ip("addr", "add", "198.19.0.11/24", "dev", "eth1");
      ns.ip("-6", "addr", "add", "2001:db8::1/64", "dev", "eth0", "nodad");
      int i = 0;
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = dir.resolve("k" + (i++) + ".conf");
        Files.writeString(file, f.getValue());
        Proc.Result r = ns.exec("keepalived", "-t", "-f", file.toString());
        soft.assertThat(r.rc()).as("keepalived -t on %s:\n%s\n%s", f.getKey(), f.getValue(), r).isZero();
      }
    } finally {
      try (var s = Files.list(dir)) { s.forEach(p -> p.toFile().delete()); }
      Files.delete(dir);
    }
    soft.assertAll();
  }

  @Test void keepalivedRefusesWhatTheSdkRefuses() throws IOException {
    Proc.require("keepalived");
    // the oracle agrees with the rules: a VRID of 300 and a 9-character password are keepalived's errors too
    String base = VipGroupTest.twoNodes().version(2).build().keepalivedConf("node1");
    Path file = Files.createTempFile("kvmsdk-ha-ka", ".conf");
    try (Netns ns = Netns.create()) {
      ns.vethPair("eth0", "peer0");
      ns.ip("addr", "add", "198.18.0.1/24", "dev", "eth0");
      Files.writeString(file, base.replace("virtual_router_id 51", "virtual_router_id 300"));
      Proc.Result r = ns.exec("keepalived", "-t", "-f", file.toString());
      assertThat(r.rc()).isNotZero();
      assertThat(r.err()).contains("outside range [1, 255]");
      Files.writeString(file, base.replace("  virtual_ipaddress {", "  authentication {\n    auth_type PASS\n    auth_pass \"123456789\"\n  }\n  virtual_ipaddress {"));
      r = ns.exec("keepalived", "-t", "-f", file.toString());
      assertThat(r.rc()).isNotZero();
      assertThat(r.err()).contains("Truncating auth_pass");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test void keepalivedAgreesWithTheNewLimits() throws IOException {
    Proc.require("keepalived");
    // the limits themselves pass keepalived -t ...
    VipGroup edge = VipGroupTest.twoNodes().version(2).auth(io.kvmsdk.ha.keepalived.VrrpAuth.pass("pässwö"))
        .garp(io.kvmsdk.ha.keepalived.Garp.builder().masterDelay(4294).lowerPrioDelay(4294).masterRepeat(1).build())
        .addVips(io.kvmsdk.ha.keepalived.VirtualIpAddress.builder().address("198.18.0.101/24").scope("200").label("eth0:v")
            .addOptions("-nodad", "noprefixroute", "preferred_lft", "forever").build())
        .addTrackScript(VrrpScript.builder().name("chk").addScript("/usr/bin/test", "-d", "/").interval(Duration.ofSeconds(4294)).timeout(Duration.ofSeconds(4294)).build())
        .build();
    String ok = edge.keepalivedConf("node1");
    assertThat(ok).contains("auth_pass", "garp_master_delay 4294", "scope 200", "interval 4294");
    Path file = Files.createTempFile("kvmsdk-ha-ka", ".conf");
    try (Netns ns = Netns.create()) {
      ns.vethPair("eth0", "peer0");
      ns.ip("addr", "add", "198.18.0.1/24", "dev", "eth0");
      Files.writeString(file, ok);
      Proc.Result r = ns.exec("keepalived", "-t", "-f", file.toString());
      assertThat(r.rc()).as("keepalived -t on\n%s\n%s", ok, r).isZero();
      // ... and one step past each is keepalived's error too (what the SDK now refuses at build time)
      Map<String, String> past = new LinkedHashMap<>();
      past.put("garp_master_delay 4294", "outside range [0, 4294]");
      past.put("interval 4294", "must be between 1 and 4294");
      past.put("scope 200", "Invalid scope");
      past.put("noprefixroute", "Unknown configuration entry");
      for (Map.Entry<String, String> e : past.entrySet()) {
        String bad = ok.replace(e.getKey(), switch (e.getKey()) {
          case "garp_master_delay 4294" -> "garp_master_delay 4295";
          case "interval 4294" -> "interval 0.5";
          case "scope 200" -> "scope galaxy";
          default -> "bogus";
        });
        Files.writeString(file, bad);
        r = ns.exec("keepalived", "-t", "-f", file.toString());
        assertThat(r.rc()).as("%s", r).isNotZero();
        assertThat(r.err() + r.out()).contains(e.getValue());
      }
      String auth = ok.replaceAll("auth_pass \\S+", "auth_pass \"pässwörd\"");
      Files.writeString(file, auth);
      r = ns.exec("keepalived", "-t", "-f", file.toString());
      assertThat(r.rc()).as("%s", r).isNotZero();
      assertThat(r.err() + r.out()).contains("Truncating auth_pass");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
