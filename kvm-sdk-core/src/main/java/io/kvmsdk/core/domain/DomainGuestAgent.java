package io.kvmsdk.core.domain;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.spi.Hypervisor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The QEMU guest agent ({@code qemu-ga}) of one running domain, reached through libvirt: raw
 * commands ({@code virDomainQemuAgentCommand}) and the typed calls libvirt answers from the agent.
 * The domain needs the agent channel ({@link GuestAgent#channel()}) and a guest that runs the agent.
 * Obtained from {@link Domain#guestAgent()}; cheap and stateless like the domain handle.
 *
 * <pre>{@code
 * DomainGuestAgent agent = kvm.domains().get("web1").guestAgent();
 * agent.ping();
 * String os = agent.command("{\"execute\":\"guest-get-osinfo\"}");
 * List<DomainInterfaceAddress> nics = agent.interfaceAddresses();
 * }</pre>
 *
 * Failures: {@link DomainGuestAgentException} when the agent is not configured, not connected, not
 * responding or answers with an error; {@link LibvirtException} ({@code VIR_ERR_OPERATION_INVALID})
 * when the domain is not running; {@link io.kvmsdk.core.NotFoundException} when it does not exist.
 */
public final class DomainGuestAgent {
  /** libvirt's {@code VIR_DOMAIN_QEMU_AGENT_COMMAND_DEFAULT}: wait the agent's default time (5 s). */
  static final int TIMEOUT_DEFAULT = -1;
  private static final java.util.regex.Pattern EXECUTE = java.util.regex.Pattern.compile("\"execute\"\\s*:\\s*\"([^\"]*)\"");

  private final Hypervisor hypervisor;
  private final String domain;

  DomainGuestAgent(Hypervisor hypervisor, String domain) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.domain = Objects.requireNonNull(domain);
  }

  /** The domain's name. */
  public String domain() { return domain; }

  /** Sends {@code guest-ping}; returns normally when the agent answers. */
  public DomainGuestAgent ping() {
    command("{\"execute\":\"guest-ping\"}");
    return this;
  }

  /**
   * Sends {@code json} (a QMP command such as {@code {"execute":"guest-info"}}) and returns the
   * agent's reply as libvirt passes it on, e.g. {@code {"return":{}}}; waits libvirt's default time.
   * Beware: libvirt quotes a command it cannot parse as JSON in its error message, so a malformed
   * command carrying a password (guest-set-user-password) would leak it into the exception.
   */
  public String command(String json) { return run(json, TIMEOUT_DEFAULT); }

  /**
   * Like {@link #command(String)}, waiting up to {@code timeout} (whole seconds, rounded up) for the
   * reply; {@link Duration#ZERO} does not wait at all.
   */
  public String command(String json, Duration timeout) {
    if (timeout.isNegative()) throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    long secs = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
    return run(json, (int) Math.min(Integer.MAX_VALUE, secs));
  }

  private String run(String json, int timeoutSeconds) {
    Objects.requireNonNull(json, "json");
    return translate("run guest agent command " + commandName(json), () -> hypervisor.domains().agentCommand(domain, json, timeoutSeconds));
  }

  /** The guest's hostname, from the agent ({@code virDomainGetHostname} with {@code VIR_DOMAIN_GET_HOSTNAME_AGENT}). */
  public String hostname() { return translate("get the hostname", () -> hypervisor.domains().agentHostname(domain)); }

  /**
   * The guest's network interfaces with their MAC and IP addresses, from the agent
   * ({@code virDomainInterfaceAddresses} with {@code VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT}).
   * Aliases such as {@code eth0:1} are merged into their interface, as libvirt does.
   */
  public List<DomainInterfaceAddress> interfaceAddresses() {
    return translate("get the interface addresses", () -> hypervisor.domains().agentInterfaceAddresses(domain));
  }

  /** {@code 'guest-ping'} for a command JSON, for messages; {@code a command} when it names none. */
  private static String commandName(String json) {
    java.util.regex.Matcher m = EXECUTE.matcher(json);
    return m.find() ? "'" + m.group(1) + "'" : "(no 'execute')";
  }

  private <T> T translate(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (DomainGuestAgentException e) {
      throw e;
    } catch (LibvirtException e) {
      DomainGuestAgentException.Reason r = reasonOf(e);
      if (r == null) throw e;
      throw new DomainGuestAgentException(r, domain, what + " in domain '" + domain + "'", e);
    }
  }

  /** The agent-specific meaning of libvirt's error, or null for any other refusal (e.g. domain not running). */
  static DomainGuestAgentException.Reason reasonOf(LibvirtException e) {
    String m = e.libvirtMessage() == null ? "" : e.libvirtMessage();
    return switch (e.codeNumber()) {
      case 74 -> m.contains("guest agent is not configured") ? DomainGuestAgentException.Reason.NOT_CONFIGURED : null;
      case 86 -> m.contains("guest agent is not connected") ? DomainGuestAgentException.Reason.NOT_CONNECTED
          : DomainGuestAgentException.Reason.NOT_RESPONDING;
      case 1 -> m.contains("unable to execute QEMU agent command") || m.contains("Unknown JSON reply")
          ? DomainGuestAgentException.Reason.COMMAND_FAILED : null;
      default -> null;
    };
  }

  @Override public String toString() { return "DomainGuestAgent[" + domain + "]"; }
}
