package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.GUEST_AGENT;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainGuestAgent;
import io.kvmsdk.core.domain.DomainGuestAgentException;
import io.kvmsdk.core.domain.DomainGuestAgentException.Reason;
import io.kvmsdk.core.domain.GuestAgent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Contract cases of area {@code agent}: how libvirt's QEMU driver refuses guest agent calls when the
 * agent cannot answer. The contract guest runs no OS, so no agent ever connects on a real host;
 * what a connected agent answers is the fake's business ({@code FakeGuestAgentTest}).
 */
final class AgentContractCases {
  private AgentContractCases() {}

  private static final String NOT_RUNNING = "Requested operation is not valid: domain is not running";

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("agent", "a running domain without the agent channel refuses every agent call: not configured",
            AgentContractCases::notConfigured, GUEST_AGENT),
        ContractCase.of("agent", "a running domain with the channel but no agent in the guest: channel disconnected, calls not connected, retryable",
            AgentContractCases::notConnected, GUEST_AGENT),
        ContractCase.of("agent", "a shut-off domain refuses agent calls: domain is not running",
            AgentContractCases::shutOff, GUEST_AGENT),
        ContractCase.of("agent", "a paused domain refuses agent calls: domain is not running",
            AgentContractCases::paused, GUEST_AGENT),
        ContractCase.of("agent", "agent calls on a missing domain are not-found",
            AgentContractCases::missing, GUEST_AGENT));
  }

  /** The three agent calls of the port, by name, through the public API. */
  private static Map<String, Function<DomainGuestAgent, Object>> calls() {
    Map<String, Function<DomainGuestAgent, Object>> m = new LinkedHashMap<>();
    m.put("command guest-ping", a -> a.command("{\"execute\":\"guest-ping\"}"));
    m.put("command guest-info with a 3 s timeout", a -> a.command("{\"execute\":\"guest-info\"}", Duration.ofSeconds(3)));
    m.put("hostname", DomainGuestAgent::hostname);
    m.put("interfaceAddresses", DomainGuestAgent::interfaceAddresses);
    return m;
  }

  /** Expects {@code call} to fail with a DomainGuestAgentException of {@code reason}; exact code, domain and message on QEMU. */
  private static DomainGuestAgentException expectAgentError(ContractRun run, String what, ContractRun.Call call, Reason reason,
      boolean retryable, String code, String message) {
    try {
      call.run();
    } catch (DomainGuestAgentException e) {
      expectEqual(what + " (reason)", reason, e.reason());
      expectEqual(what + " (retryable)", retryable, e.retryable());
      if (run.has(ContractCapability.QEMU_DRIVER)) {
        expectEqual(what + " (libvirt error code)", code, e.code());
        expectEqual(what + " (libvirt error domain)", "VIR_FROM_QEMU", e.errorDomain());
        expectEqual(what + " (libvirt message)", message, e.libvirtMessage());
      }
      return e;
    } catch (KvmException e) {
      throw new AssertionError(what + ": expected a DomainGuestAgentException (" + reason + ") but got " + e, e);
    }
    throw new AssertionError(what + ": expected " + reason + " but the call succeeded");
  }

  private static void notConfigured(ContractRun run) {
    Domain d = run.define(run.guest(run.name("ag-nochan"))).start();
    check(!GuestAgent.isConfigured(d.spec()), "the contract guest must not have an agent channel");
    for (Map.Entry<String, Function<DomainGuestAgent, Object>> c : calls().entrySet()) {
      expectAgentError(run, c.getKey(), () -> c.getValue().apply(d.guestAgent()), Reason.NOT_CONFIGURED, false,
          "VIR_ERR_ARGUMENT_UNSUPPORTED", "argument unsupported: QEMU guest agent is not configured");
    }
    expectAgentError(run, "ping", () -> d.guestAgent().ping(), Reason.NOT_CONFIGURED, false,
        "VIR_ERR_ARGUMENT_UNSUPPORTED", "argument unsupported: QEMU guest agent is not configured");
  }

  private static void notConnected(ContractRun run) {
    Domain d = run.define(run.guest(run.name("ag-chan")).copy(b -> b.addChannel(GuestAgent.channel()))).start();
    check(GuestAgent.isConfigured(d.spec()), "the live definition keeps the agent channel");
    expectEqual("the agent channel's state in the live definition", java.util.Optional.of("disconnected"),
        d.spec().devices().channels().stream().flatMap(c -> c.target().stream())
            .filter(t -> t.name().orElse("").equals(GuestAgent.NAME)).findFirst().flatMap(t -> t.state()));
    for (Map.Entry<String, Function<DomainGuestAgent, Object>> c : calls().entrySet()) {
      DomainGuestAgentException e = expectAgentError(run, c.getKey(), () -> c.getValue().apply(d.guestAgent()), Reason.NOT_CONNECTED,
          true, "VIR_ERR_AGENT_UNRESPONSIVE", "Guest agent is not responding: QEMU guest agent is not connected");
      expectEqual(c.getKey() + " (domain)", d.name(), e.domain());
    }
  }

  private static void expectNotRunning(ContractRun run, Domain d, String errorDomain) {
    for (Map.Entry<String, Function<DomainGuestAgent, Object>> c : calls().entrySet()) {
      LibvirtException e = run.expectRefused(c.getKey(), () -> c.getValue().apply(d.guestAgent()), "VIR_ERR_OPERATION_INVALID", NOT_RUNNING);
      check(!(e instanceof DomainGuestAgentException), c.getKey() + ": 'not running' is not an agent failure, got " + e);
      if (run.has(ContractCapability.QEMU_DRIVER)) expectEqual(c.getKey() + " (libvirt error domain)", errorDomain, e.errorDomain());
    }
  }

  private static void shutOff(ContractRun run) {
    Domain d = run.define(run.guest(run.name("ag-off")).copy(b -> b.addChannel(GuestAgent.channel())));
    // libvirt's generic virDomainObjCheckActive answers first, from VIR_FROM_DOMAIN
    expectNotRunning(run, d, "VIR_FROM_DOMAIN");
  }

  private static void paused(ContractRun run) {
    Domain d = run.define(run.guest(run.name("ag-paused")).copy(b -> b.addChannel(GuestAgent.channel()))).start().suspend();
    // active, so the QEMU driver's own agent check answers, from VIR_FROM_QEMU
    expectNotRunning(run, d, "VIR_FROM_QEMU");
  }

  private static void missing(ContractRun run) {
    String name = run.name("ag-missing");
    Domain ghost = new Domain(run.kvm().hypervisor(), name, null);
    for (Map.Entry<String, Function<DomainGuestAgent, Object>> c : calls().entrySet()) {
      run.expectNotFound(c.getKey(), () -> c.getValue().apply(ghost.guestAgent()), "domain", name);
    }
  }
}
