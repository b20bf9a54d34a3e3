package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainGuestAgent;
import io.kvmsdk.core.domain.DomainGuestAgentException;
import io.kvmsdk.core.domain.DomainGuestAgentException.Reason;
import io.kvmsdk.core.domain.DomainInterfaceAddress;
import io.kvmsdk.core.domain.DomainIpAddress;
import io.kvmsdk.core.domain.GuestAgent;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.testkit.contract.ContractCases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeGuestAgentTest {
  private final FakeHypervisor fake = FakeCluster.create().hypervisor("a");
  private final Kvm kvm = Kvm.using(fake);

  @AfterEach void close() { kvm.close(); }

  /** A running guest with the agent channel and one NIC with a fixed MAC. */
  private Domain web(String name) {
    return kvm.domains().define(ContractCases.tinyGuest(name).copy(b -> b.addChannel(GuestAgent.channel())
        .addInterface(Nic.network("default").mac("52:54:00:12:34:56")))).start();
  }

  private static Optional<String> agentChannelState(Domain d) {
    return d.spec().devices().channels().stream().flatMap(c -> c.target().stream())
        .filter(t -> t.name().orElse("").equals(GuestAgent.NAME)).findFirst().flatMap(t -> t.state());
  }

  private static DomainGuestAgentException agentError(Runnable call) {
    return catchThrowableOfType(call::run, DomainGuestAgentException.class);
  }

  @Test void aRunningGuestWithTheChannelHasNoAgentUntilItConnects() {
    Domain d = web("web1");
    DomainGuestAgentException e = agentError(() -> d.guestAgent().ping());
    assertThat(e.reason()).isEqualTo(Reason.NOT_CONNECTED);
    assertThat(e.retryable()).isTrue();
    assertThat(e.libvirtMessage()).isEqualTo("Guest agent is not responding: QEMU guest agent is not connected");

    assertThat(agentChannelState(d)).contains("disconnected");

    fake.guestAgent("web1").connect();
    assertThat(agentChannelState(d)).contains("connected");
    assertThat(d.inactiveSpec().devices().channels().get(0).target().get().state()).isEmpty();
    assertThat(d.guestAgent().command("{\"execute\":\"guest-ping\"}")).isEqualTo("{\"return\":{}}");
    assertThat(d.guestAgent().ping()).isInstanceOf(DomainGuestAgent.class);
    assertThat(fake.guestAgent("web1").received()).containsExactly("{\"execute\":\"guest-ping\"}", "{\"execute\":\"guest-ping\"}");
  }

  @Test void theAgentStaysConnectedAcrossRestartsUntilDisconnected() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect();
    d.destroy().start();
    assertThat(d.guestAgent().hostname()).isEqualTo("web1");
    fake.guestAgent("web1").disconnect();
    assertThat(agentError(() -> d.guestAgent().hostname()).reason()).isEqualTo(Reason.NOT_CONNECTED);
  }

  @Test void defaultsComeFromTheDomain() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect();
    assertThat(d.guestAgent().hostname()).isEqualTo("web1");
    List<DomainInterfaceAddress> nics = d.guestAgent().interfaceAddresses();
    assertThat(nics).extracting(DomainInterfaceAddress::name).containsExactly("lo", "eth0");
    assertThat(nics.get(0).addresses()).containsExactly(DomainIpAddress.ipv4("127.0.0.1", 8), DomainIpAddress.ipv6("::1", 128));
    assertThat(nics.get(1).mac()).contains("52:54:00:12:34:56");
    assertThat(nics.get(1).addresses()).hasSize(2);
    assertThat(nics.get(1).addresses().get(0).address()).startsWith("192.168.122.");
    assertThat(nics.get(1).addresses().get(1)).isEqualTo(DomainIpAddress.ipv6("fe80::5054:ff:fe12:3456", 64));
    assertThat(d.guestAgent().command("{\"execute\":\"guest-get-osinfo\"}")).contains("\"id\":\"fedora\"");
    assertThat(d.guestAgent().command("{\"execute\":\"guest-info\"}")).contains("\"name\":\"guest-network-get-interfaces\"");
    assertThat(d.guestAgent().command("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1234}}")).isEqualTo("{\"return\":1234}");
    long nanos = fake.clock().instant().getEpochSecond() * 1_000_000_000L;
    assertThat(d.guestAgent().command("{\"execute\":\"guest-get-time\"}")).isEqualTo("{\"return\":" + nanos + "}");
  }

  @Test void programmedHostnameAndInterfaces() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect().hostname("web1.example.org")
        .interfaces(List.of(DomainInterfaceAddress.of("enp1s0", "52:54:00:aa:bb:cc", DomainIpAddress.ipv4("10.0.0.5", 16))));
    assertThat(d.guestAgent().hostname()).isEqualTo("web1.example.org");
    assertThat(d.guestAgent().interfaceAddresses())
        .containsExactly(DomainInterfaceAddress.of("enp1s0", "52:54:00:aa:bb:cc", DomainIpAddress.ipv4("10.0.0.5", 16)));
    assertThat(d.guestAgent().command("{\"execute\":\"guest-get-host-name\"}")).isEqualTo("{\"return\":{\"host-name\":\"web1.example.org\"}}");
  }

  @Test void rawRepliesToNetworkInterfacesAreReadAsLibvirtDoesAliasesMerged() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect().reply("guest-network-get-interfaces", """
        {"return":[
          {"name":"eth0","hardware-address":"52:54:00:00:00:01",
           "ip-addresses":[{"ip-address-type":"ipv4","ip-address":"192.168.1.2","prefix":24}]},
          {"name":"eth0:1","ip-addresses":[{"ip-address-type":"ipv4","ip-address":"192.168.1.3","prefix":24}]},
          {"name":"wg0"}]}""");
    assertThat(d.guestAgent().interfaceAddresses()).containsExactly(
        DomainInterfaceAddress.of("eth0", "52:54:00:00:00:01", DomainIpAddress.ipv4("192.168.1.2", 24), DomainIpAddress.ipv4("192.168.1.3", 24)),
        new DomainInterfaceAddress("wg0", Optional.empty(), List.of()));

    fake.guestAgent("web1").reply("guest-network-get-interfaces", "{\"return\":[{\"name\":\"eth0\",\"ip-addresses\":[{\"ip-address-type\":\"ipx\",\"ip-address\":\"1\",\"prefix\":1}]}]}");
    assertThatThrownBy(() -> d.guestAgent().interfaceAddresses()).isInstanceOf(LibvirtException.class)
        .extracting(x -> ((LibvirtException) x).libvirtMessage()).isEqualTo("internal error: unknown ip address type 'ipx'");
  }

  @Test void customRepliesAndHandlers() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect()
        .reply("guest-exec", "{ \"return\" : { \"pid\" : 42 } }")
        .respond("guest-exec-status", req -> req.contains("\"pid\":42") ? "{\"return\":{\"exited\":true,\"exitcode\":0}}"
            : "{\"error\":{\"class\":\"GenericError\",\"desc\":\"Invalid parameter 'pid'\"}}");
    assertThat(d.guestAgent().command("{\"execute\":\"guest-exec\",\"arguments\":{\"path\":\"/bin/true\"}}")).isEqualTo("{\"return\":{\"pid\":42}}");
    assertThat(d.guestAgent().command("{\"execute\":\"guest-exec-status\",\"arguments\":{\"pid\":42}}"))
        .isEqualTo("{\"return\":{\"exited\":true,\"exitcode\":0}}");
    DomainGuestAgentException e = agentError(() -> d.guestAgent().command("{\"execute\":\"guest-exec-status\",\"arguments\":{\"pid\":7}}"));
    assertThat(e.reason()).isEqualTo(Reason.COMMAND_FAILED);
    assertThat(e.libvirtMessage()).isEqualTo("internal error: unable to execute QEMU agent command 'guest-exec-status': Invalid parameter 'pid'");
    assertThat(d.guestAgent().command("{\"execute\":\"guest-info\"}")).contains("\"name\":\"guest-exec-status\"");
  }

  @Test void agentErrorsBecomeLibvirtsInternalError() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect().fail("guest-fsfreeze-freeze", "GenericError", "no freeze for you")
        .fail("guest-shutdown", "CommandDisabled", null);
    DomainGuestAgentException e = agentError(() -> d.guestAgent().command("{\"execute\":\"guest-fsfreeze-freeze\"}"));
    assertThat(e.reason()).isEqualTo(Reason.COMMAND_FAILED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.code()).isEqualTo("VIR_ERR_INTERNAL_ERROR");
    assertThat(e.errorDomain()).isEqualTo("VIR_FROM_QEMU");
    assertThat(e.libvirtMessage()).isEqualTo("internal error: unable to execute QEMU agent command 'guest-fsfreeze-freeze': no freeze for you");
    assertThat(agentError(() -> d.guestAgent().command("{\"execute\":\"guest-shutdown\"}")).libvirtMessage())
        .isEqualTo("internal error: unable to execute QEMU agent command 'guest-shutdown': The command has been disabled for this instance");
    assertThat(agentError(() -> d.guestAgent().command("{\"execute\":\"guest-nope\"}")).libvirtMessage())
        .isEqualTo("internal error: unable to execute QEMU agent command 'guest-nope': The command guest-nope has not been found");
    fake.guestAgent("web1").fail("guest-get-host-name", "GenericError", "hostname: unknown");
    assertThat(agentError(() -> d.guestAgent().hostname()).libvirtMessage())
        .isEqualTo("internal error: unable to execute QEMU agent command 'guest-get-host-name': hostname: unknown");
  }

  @Test void aSlowReplyTimesOutInFakeTime() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect().delay("guest-get-fsinfo", Duration.ofSeconds(30));
    Instant t0 = fake.clock().instant();
    DomainGuestAgentException e = agentError(() -> d.guestAgent().command("{\"execute\":\"guest-get-fsinfo\"}"));
    assertThat(e.reason()).isEqualTo(Reason.NOT_RESPONDING);
    assertThat(e.retryable()).isTrue();
    assertThat(e.code()).isEqualTo("VIR_ERR_AGENT_UNRESPONSIVE");
    assertThat(e.libvirtMessage()).isEqualTo("Guest agent is not responding: Guest agent not available for now");
    assertThat(fake.clock().since(t0)).isEqualTo(Duration.ofSeconds(5));

    fake.clock().advance(Duration.ofSeconds(25));   // the agent finishes the abandoned command
    t0 = fake.clock().instant();
    assertThat(agentError(() -> d.guestAgent().command("{\"execute\":\"guest-get-fsinfo\"}", Duration.ofSeconds(10))).reason())
        .isEqualTo(Reason.NOT_RESPONDING);
    assertThat(fake.clock().since(t0)).isEqualTo(Duration.ofSeconds(10));

    fake.clock().advance(Duration.ofSeconds(20));
    fake.guestAgent("web1").reply("guest-get-fsinfo", "{\"return\":[]}");
    t0 = fake.clock().instant();
    assertThat(d.guestAgent().command("{\"execute\":\"guest-get-fsinfo\"}", Duration.ofMinutes(1))).isEqualTo("{\"return\":[]}");
    assertThat(fake.clock().since(t0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test void aBusyAgentDelaysTheNextCallUpToLibvirtsSyncWait() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect().delay("guest-slow", Duration.ofSeconds(10)).reply("guest-slow", "{\"return\":{}}");
    Instant t0 = fake.clock().instant();
    assertThat(agentError(() -> d.guestAgent().command("{\"execute\":\"guest-slow\"}", Duration.ofSeconds(3))).reason())
        .isEqualTo(Reason.NOT_RESPONDING);
    assertThat(fake.clock().since(t0)).isEqualTo(Duration.ofSeconds(3));
    // the agent works on guest-slow for 7 s more: libvirt's guest-sync gives up after 5 s
    assertThat(agentError(() -> d.guestAgent().ping()).libvirtMessage())
        .isEqualTo("Guest agent is not responding: Guest agent not available for now");
    assertThat(fake.clock().since(t0)).isEqualTo(Duration.ofSeconds(8));
    // 2 s left: the next call waits for it, then gets its answer
    assertThat(d.guestAgent().command("{\"execute\":\"guest-ping\"}")).isEqualTo("{\"return\":{}}");
    assertThat(fake.clock().since(t0)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test void anUnreadableReplyBreaksTheAgentUntilTheDomainRestarts() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect().reply("guest-odd", "{\"foo\": 1}");
    DomainGuestAgentException e = agentError(() -> d.guestAgent().command("{\"execute\":\"guest-odd\"}"));
    assertThat(e.reason()).isEqualTo(Reason.COMMAND_FAILED);
    assertThat(e.libvirtMessage()).isEqualTo("internal error: Unknown JSON reply '{\"foo\": 1}'");
    DomainGuestAgentException after = agentError(() -> d.guestAgent().ping());
    assertThat(after.reason()).isEqualTo(Reason.NOT_RESPONDING);
    assertThat(after.libvirtMessage()).isEqualTo("Guest agent is not responding: QEMU guest agent is not available due to an error");
    d.destroy().start();
    assertThat(d.guestAgent().command("{\"execute\":\"guest-ping\"}")).isEqualTo("{\"return\":{}}");
  }

  @Test void requestsWithoutExecuteReachTheAgent() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect();
    assertThat(agentError(() -> d.guestAgent().command("{\"foo\":1}")).libvirtMessage())
        .isEqualTo("internal error: unable to execute QEMU agent command '<unknown>': QMP input lacks member 'execute'");
    assertThat(agentError(() -> d.guestAgent().command("[1]")).libvirtMessage())
        .isEqualTo("internal error: unable to execute QEMU agent command '<unknown>': QMP input must be a JSON object");
    assertThat(fake.guestAgent("web1").received()).containsExactly("{\"foo\":1}", "[1]");
  }

  @Test void aHungAgentTimesOutAfterFiveSecondsWhateverTheTimeout() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect().hang();
    Instant t0 = fake.clock().instant();
    assertThat(agentError(() -> d.guestAgent().command("{\"execute\":\"guest-ping\"}", Duration.ofMinutes(5))).reason())
        .isEqualTo(Reason.NOT_RESPONDING);
    assertThat(fake.clock().since(t0)).isEqualTo(Duration.ofSeconds(5));
    fake.guestAgent("web1").reset();
    assertThat(d.guestAgent().command("{\"execute\":\"guest-ping\"}")).isEqualTo("{\"return\":{}}");
  }

  @Test void libvirtsOwnRefusalsStayPlainLibvirtExceptions() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect();
    LibvirtException bad = catchThrowableOfType(() -> d.guestAgent().command("{not json"), LibvirtException.class);
    assertThat(bad).isNotInstanceOf(DomainGuestAgentException.class);
    assertThat(bad.code()).isEqualTo("VIR_ERR_INTERNAL_ERROR");
    assertThat(bad.libvirtMessage()).startsWith("internal error: cannot parse json {not json");
    LibvirtException timeout = catchThrowableOfType(() -> fake.domains().agentCommand("web1", "{\"execute\":\"guest-ping\"}", -3), LibvirtException.class);
    assertThat(timeout.code()).isEqualTo("VIR_ERR_INVALID_ARG");
    assertThat(timeout.libvirtMessage()).isEqualTo("invalid argument: guest agent timeout '-3' is less than the minimum '-2'");
    assertThatThrownBy(() -> new Domain(fake, "nope", null).guestAgent().hostname()).isInstanceOf(NotFoundException.class);
  }

  @Test void injectedFaultsApplyToAgentCalls() {
    Domain d = web("web1");
    fake.guestAgent("web1").connect();
    fake.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("agentHostname", "web1")).once());
    assertThatThrownBy(() -> d.guestAgent().hostname()).isInstanceOf(LibvirtException.class);
    assertThat(d.guestAgent().hostname()).isEqualTo("web1");
  }

  @Test void programmedRepliesMustBeJsonObjects() {
    assertThatThrownBy(() -> fake.guestAgent("web1").reply("guest-ping", "{oops")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.guestAgent("web1").reply("guest-ping", "[1]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test void theAgentMovesWithItsGuest() {
    FakeCluster cluster = FakeCluster.create();
    FakeHypervisor a = cluster.hypervisor("a");
    Kvm ka = Kvm.using(a);
    Kvm kb = Kvm.using(cluster.hypervisor("b"));
    Domain d = ka.domains().define(ContractCases.tinyGuest("web1").copy(b -> b.addChannel(GuestAgent.channel()))).start();
    a.guestAgent("web1").connect().hostname("web1.example");
    Domain moved = d.migrateTo(kb);
    assertThat(moved.guestAgent().hostname()).as("qemu-ga keeps running in the migrated guest").isEqualTo("web1.example");
    assertThat(agentChannelState(moved)).contains("connected");
  }
}
