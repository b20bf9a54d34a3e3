package io.kvmsdk.core.domain;

import io.kvmsdk.core.LibvirtException;

/**
 * libvirt could not get an answer from a domain's QEMU guest agent, or the agent answered with an
 * error; {@link #reason()} says which. Carries libvirt's code and message like any
 * {@link LibvirtException} (its cause is the original one). {@link #retryable()} is true while the
 * agent is not connected or not responding: it may come up once the guest has booted.
 */
public class DomainGuestAgentException extends LibvirtException {
  private static final long serialVersionUID = 1L;

  /** Why the guest agent call failed. */
  public enum Reason {
    /**
     * The domain has no guest agent channel ({@code VIR_ERR_ARGUMENT_UNSUPPORTED}, "QEMU guest
     * agent is not configured"); add {@link GuestAgent#channel()} to its devices.
     */
    NOT_CONFIGURED,
    /**
     * The channel exists but no agent listens in the guest ({@code VIR_ERR_AGENT_UNRESPONSIVE},
     * "QEMU guest agent is not connected"): the guest has not booted yet or runs no {@code qemu-ga}.
     */
    NOT_CONNECTED,
    /**
     * The agent did not answer in time ("Guest agent not available for now"), went away, or libvirt
     * gave up on it after an unreadable reply until the guest reconnects it ({@code VIR_ERR_AGENT_UNRESPONSIVE}).
     */
    NOT_RESPONDING,
    /**
     * The agent answered with an error ({@code VIR_ERR_INTERNAL_ERROR}, "unable to execute QEMU
     * agent command 'NAME': DESC"), e.g. an unknown command, or with a reply libvirt cannot read
     * ("Unknown JSON reply '...'").
     */
    COMMAND_FAILED
  }

  private final Reason reason;
  private final String domain;

  public DomainGuestAgentException(Reason reason, String domain, String operation, LibvirtException cause) {
    super(operation, cause.code(), cause.codeNumber(), cause.errorDomain(), cause.errorDomainNumber(), cause.libvirtMessage(),
        reason == Reason.NOT_CONNECTED || reason == Reason.NOT_RESPONDING, cause);
    this.reason = reason;
    this.domain = domain;
  }

  /** Why the call failed. */
  public Reason reason() { return reason; }

  /** The domain whose agent was asked. */
  public String domain() { return domain; }
}
