package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainGuestAgentException;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.GuestAgent;
import io.kvmsdk.core.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The proof that {@link FakeGuestAgent} answers like libvirt's QEMU driver in front of a connected
 * agent: a tiny Linux guest ({@code bash scripts/agent-guest.sh}) runs a stand-in for qemu-ga under a
 * real libvirtd ({@code $KVM_SDK_LIBVIRT_URI}); the fake's agent is programmed with the stand-in's
 * replies; one scenario of raw commands, typed calls, agent errors, timeouts and a broken agent must
 * give the same outcome lines on both. Skipped without the libvirtd or the guest.
 */
class FakeGuestAgentOracleTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");
  static final Path GUEST = Path.of(Optional.ofNullable(System.getenv("KVM_SDK_AGENT_GUEST")).orElse("/tmp/kvm-sdk-agent-guest"));

  static DomainSpec agentGuest(String name) {
    return DomainSpec.fromXml("<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
        + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + GUEST.resolve("vmlinuz") + "</kernel>"
        + "<initrd>" + GUEST.resolve("initrd.gz") + "</initrd><cmdline>console=ttyS0 panic=-1</cmdline></os>"
        + "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices></domain>")
        .copy(b -> b.addChannel(GuestAgent.channel()));
  }

  /** The stand-in agent's replies (scripts/agent-guest.sh), programmed into the fake. */
  static void programLikeTheStandIn(FakeGuestAgent agent) {
    agent.connect().hostname("agentguest")
        .reply("guest-network-get-interfaces", "{\"return\": [{\"name\": \"lo\", \"ip-addresses\": [{\"ip-address-type\": \"ipv4\", "
            + "\"ip-address\": \"127.0.0.1\", \"prefix\": 8}, {\"ip-address-type\": \"ipv6\", \"ip-address\": \"::1\", \"prefix\": 128}], "
            + "\"hardware-address\": \"00:00:00:00:00:00\"}, {\"name\": \"eth0\", \"ip-addresses\": [{\"ip-address-type\": \"ipv4\", "
            + "\"ip-address\": \"192.168.122.10\", \"prefix\": 24}, {\"ip-address-type\": \"ipv6\", \"ip-address\": \"fe80::5054:ff:fe12:3456\", "
            + "\"prefix\": 64}], \"hardware-address\": \"52:54:00:12:34:56\"}, {\"name\": \"eth0:1\", \"ip-addresses\": "
            + "[{\"ip-address-type\": \"ipv4\", \"ip-address\": \"192.168.122.11\", \"prefix\": 24}]}, {\"name\": \"wg0\"}]}")
        .fail("guest-fail", "GenericError", "boom")
        .fail("guest-disabled", "CommandDisabled", null)
        .reply("guest-noreturn", "{\"foo\": 1}")
        .reply("guest-slow", "{\"return\": {}}").delay("guest-slow", Duration.ofSeconds(8));
  }

  /** What a call did, as a comparable line. */
  static String outcome(Supplier<Object> call) {
    try {
      return "ok " + call.get();
    } catch (NotFoundException e) {
      return "not found " + e.kind();
    } catch (DomainGuestAgentException e) {
      return e.reason() + " " + e.code() + "/" + e.errorDomain() + ": " + e.libvirtMessage() + (e.retryable() ? " (retryable)" : "");
    } catch (LibvirtException e) {
      String m = e.libvirtMessage();
      // libvirt words a JSON syntax error through its parser (yajl), over several lines: keep what is libvirt's
      if (m.startsWith("internal error: cannot parse json ")) m = m.substring(0, m.indexOf(": ", "internal error: cannot parse json ".length()));
      return e.code() + "/" + e.errorDomain() + ": " + m;
    }
  }

  static String cmd(String name) { return "{\"execute\":\"" + name + "\"}"; }

  static List<String> scenario(Domain d) {
    List<String> out = new ArrayList<>();
    out.add("ping: " + outcome(() -> d.guestAgent().command(cmd("guest-ping"))));
    out.add("sync: " + outcome(() -> d.guestAgent().command("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1234}}")));
    out.add("spaced: " + outcome(() -> d.guestAgent().command("{ \"execute\" : \"guest-get-host-name\" }")));
    out.add("hostname: " + outcome(() -> d.guestAgent().hostname()));
    out.add("interfaces: " + outcome(() -> d.guestAgent().interfaceAddresses()));
    out.add("error: " + outcome(() -> d.guestAgent().command(cmd("guest-fail"))));
    out.add("error class only: " + outcome(() -> d.guestAgent().command(cmd("guest-disabled"))));
    out.add("unknown command: " + outcome(() -> d.guestAgent().command(cmd("guest-nope"))));
    out.add("not json: " + outcome(() -> d.guestAgent().command("{not json")));
    out.add("channel state: " + d.spec().devices().channels().stream().flatMap(c -> c.target().stream())
        .filter(t -> t.name().orElse("").equals(GuestAgent.NAME)).findFirst().flatMap(t -> t.state()));
    d.suspend();
    out.add("paused: " + outcome(() -> d.guestAgent().command(cmd("guest-ping"))));
    d.resume();
    out.add("slow within 10 s: " + outcome(() -> d.guestAgent().command(cmd("guest-slow"), Duration.ofSeconds(10))));
    out.add("slow within 2 s: " + outcome(() -> d.guestAgent().command(cmd("guest-slow"), Duration.ofSeconds(2))));
    out.add("while busy 6 s more: " + outcome(() -> d.guestAgent().command(cmd("guest-ping"))));
    out.add("busy 1 s more: " + outcome(() -> d.guestAgent().command(cmd("guest-ping"))));
    out.add("unreadable reply: " + outcome(() -> d.guestAgent().command(cmd("guest-noreturn"))));
    out.add("after it: " + outcome(() -> d.guestAgent().hostname()));
    return out;
  }

  @Test void theFakeAnswersLikeARealLibvirtdInFrontOfAConnectedAgent() throws Exception {
    Oracles.require(URI != null, "no private libvirtd: run `bash scripts/oracles.sh start` and source /tmp/kvm-sdk-oracles/env");
    Oracles.require(Files.isRegularFile(GUEST.resolve("vmlinuz")) && Files.isRegularFile(GUEST.resolve("initrd.gz")),
        "no agent guest in " + GUEST + ": run `bash scripts/agent-guest.sh`");
    String name = "kvmsdk-ag-" + UUID.randomUUID().toString().substring(0, 8);

    List<String> real;
    try (Kvm kvm = Kvm.connect(URI)) {
      Domain d = kvm.domains().create(agentGuest(name));
      try {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!outcome(() -> d.guestAgent().command(cmd("guest-ping"))).startsWith("ok") && System.nanoTime() < end) Thread.sleep(500);
        real = scenario(d);
      } finally {
        if (kvm.domains().find(name).isPresent()) d.destroy();
      }
    }

    FakeHypervisor fake = FakeCluster.create().hypervisor("a");
    List<String> fakes;
    try (Kvm kvm = Kvm.using(fake)) {
      Domain d = kvm.domains().create(agentGuest(name));
      programLikeTheStandIn(fake.guestAgent(name));
      fakes = scenario(d);
    }
    assertThat(fakes).containsExactlyElementsOf(real);
  }
}
