package io.kvmsdk.testkit;

/**
 * What can go wrong on a fake host or fake hypervisor, in the spirit of OkHttp's {@code SocketPolicy}.
 * A fault is injected with a {@link FaultRule}: the fault, a {@link FaultMatcher} choosing the
 * operations it hits, how many times, and its parameters.
 *
 * <pre>{@code
 * host.inject(FaultRule.of(Fault.COMMAND_FAILS, FaultMatcher.command("ip", "link", "add")).exitCode(2).message("boom"));
 * host.failNext(FaultMatcher.command("sysctl"), 1, "sysctl: permission denied");
 * }</pre>
 */
public enum Fault {
  /**
   * A host command exits with the rule's exit code (default 1) and stderr (default
   * {@code "injected fault"}), changing nothing, as if the tool refused it.
   */
  COMMAND_FAILS,
  /**
   * A hypervisor call fails with the rule's libvirt error ({@link FaultRule#libvirtError}, default
   * {@code VIR_ERR_INTERNAL_ERROR}(1)), as a non-retryable {@link io.kvmsdk.core.LibvirtException}.
   */
  LIBVIRT_ERROR,
  /**
   * The connection drops: a host command cannot reach the host (ssh's exit 255,
   * {@code Connection reset by peer}, a result marked
   * {@link io.kvmsdk.core.host.CommandResult#connectionLost()}); a hypervisor call fails with a retryable
   * {@code VIR_ERR_NO_CONNECT}. The state is left as it was.
   */
  CONNECTION_DROPPED,
  /**
   * The operation takes effect, then the connection drops before its reply arrives: the caller
   * gets the retryable error of {@link #CONNECTION_DROPPED} although the domain was defined,
   * started, migrated... Tests that a retry checks the state first instead of repeating blindly.
   * Applies to the fake hypervisor's domain-changing calls (define, create, start, shutdown,
   * destroy, suspend, resume, undefine, migrate; on any other call it is a plain drop) and to host
   * commands (the command runs, then ssh reports exit 255).
   */
  REPLY_LOST,
  /** The operation succeeds but takes the rule's {@link FaultRule#delay} of fake time (the {@link FakeClock} advances). */
  SLOW,
  /**
   * The operation does not finish within its timeout: the clock advances by the timeout and a
   * retryable {@link io.kvmsdk.core.KvmTimeoutException} is thrown, as {@code LocalCommandRunner}
   * does after killing the command. Nothing changes.
   */
  TIMEOUT,
  /**
   * The host crashes when a matching operation starts: every later operation fails as
   * {@link #CONNECTION_DROPPED} does until the test calls {@code reboot()}; non-persistent state
   * (links, addresses, routes, running domains) is lost as on a real crash.
   */
  HOST_CRASH,
  /**
   * A migration starts and fails midway: the domain keeps running on the source, nothing is
   * left on the destination, and the call fails with {@code VIR_ERR_OPERATION_FAILED}.
   */
  MIGRATION_FAILS_MIDWAY
}
