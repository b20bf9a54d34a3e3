package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.spi.DomainDriver;
import io.kvmsdk.core.spi.Hypervisor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DomainGuestAgentTest {
  private final DomainDriver hv = mock(DomainDriver.class);
  private final DomainGuestAgent agent = new Domain(hypervisor(hv), "web1", null).guestAgent();

  private static Hypervisor hypervisor(DomainDriver domains) {
    Hypervisor h = mock(Hypervisor.class);
    when(h.domains()).thenReturn(domains);
    return h;
  }

  private static LibvirtException refusal(String code, int number, String message) {
    return new LibvirtException("op", code, number, "VIR_FROM_QEMU", 10, message, false, null);
  }

  @Test void timeoutsBecomeLibvirtsWholeSecondsRoundedUp() {
    when(hv.agentCommand(anyString(), anyString(), anyInt())).thenReturn("{\"return\":{}}");
    agent.command("{\"execute\":\"guest-ping\"}");
    verify(hv).agentCommand("web1", "{\"execute\":\"guest-ping\"}", -1);
    agent.command("{\"execute\":\"guest-info\"}", Duration.ofMillis(1500));
    verify(hv).agentCommand("web1", "{\"execute\":\"guest-info\"}", 2);
    agent.command("{\"execute\":\"guest-sync\"}", Duration.ZERO);
    verify(hv).agentCommand("web1", "{\"execute\":\"guest-sync\"}", 0);
    assertThatThrownBy(() -> agent.command("{}", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test void agentFailuresAreTypedWithTheirReason() {
    when(hv.agentHostname("web1")).thenThrow(refusal("VIR_ERR_ARGUMENT_UNSUPPORTED", 74, "argument unsupported: QEMU guest agent is not configured"));
    DomainGuestAgentException e = catchThrowableOfType(agent::hostname, DomainGuestAgentException.class);
    assertThat(e.reason()).isEqualTo(DomainGuestAgentException.Reason.NOT_CONFIGURED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.domain()).isEqualTo("web1");
    assertThat(e.code()).isEqualTo("VIR_ERR_ARGUMENT_UNSUPPORTED");
    assertThat(e.getMessage()).startsWith("get the hostname in domain 'web1' failed: argument unsupported");

    when(hv.agentCommand(anyString(), anyString(), anyInt()))
        .thenThrow(refusal("VIR_ERR_AGENT_UNRESPONSIVE", 86, "Guest agent is not responding: QEMU guest agent is not connected"))
        .thenThrow(refusal("VIR_ERR_AGENT_UNRESPONSIVE", 86, "Guest agent is not responding: Guest agent not available for now"))
        .thenThrow(refusal("VIR_ERR_INTERNAL_ERROR", 1, "internal error: unable to execute QEMU agent command 'guest-x': nope"))
        .thenThrow(refusal("VIR_ERR_OPERATION_INVALID", 55, "Requested operation is not valid: domain is not running"));
    DomainGuestAgentException notConnected = catchThrowableOfType(agent::ping, DomainGuestAgentException.class);
    assertThat(notConnected.reason()).isEqualTo(DomainGuestAgentException.Reason.NOT_CONNECTED);
    assertThat(notConnected.retryable()).isTrue();
    assertThat(notConnected.getMessage()).startsWith("run guest agent command 'guest-ping' in domain 'web1' failed");
    assertThat(catchThrowableOfType(agent::ping, DomainGuestAgentException.class).reason())
        .isEqualTo(DomainGuestAgentException.Reason.NOT_RESPONDING);
    assertThat(catchThrowableOfType(() -> agent.command("{\"execute\":\"guest-x\"}"), DomainGuestAgentException.class).reason())
        .isEqualTo(DomainGuestAgentException.Reason.COMMAND_FAILED);
    LibvirtException notRunning = catchThrowableOfType(agent::ping, LibvirtException.class);
    assertThat(notRunning).isNotInstanceOf(DomainGuestAgentException.class);
  }

  @Test void theAgentChannelIsRecognisedByItsVirtioTargetName() {
    DomainSpec plain = DomainSpec.builder().type("qemu").name("a").memory(io.kvmsdk.core.Size.mib(64)).osType("hvm").build();
    assertThat(GuestAgent.isConfigured(plain)).isFalse();
    assertThat(GuestAgent.isConfigured(plain.copy(b -> b.addChannel(GuestAgent.channel())))).isTrue();
    assertThat(GuestAgent.isConfigured(plain.copy(b -> b.addChannel(GuestAgent.channel("/run/qga.sock"))))).isTrue();
    assertThat(GuestAgent.isConfigured(plain.copy(b -> b.addChannel(Channel.spicevmc())))).isFalse();
  }
}
