package io.kvmsdk.core.host;

/**
 * The port through which the SDK runs commands on a host: locally ({@link LocalCommandRunner}),
 * over ssh ({@link SshCommandRunner}), or a fake in tests. Implementations are thread-safe.
 */
public interface CommandRunner {
  /**
   * Runs {@code command} and returns its result whatever its exit status.
   *
   * @throws io.kvmsdk.core.KvmTimeoutException if it runs longer than its timeout (it is killed first)
   * @throws io.kvmsdk.core.CommandFailedException if it could not be started at all
   */
  CommandResult run(HostCommand command);

  /** Where commands run, e.g. {@code localhost} or {@code root@hv1}; used in messages. */
  String host();

  /** Runs {@code command} and throws {@link io.kvmsdk.core.CommandFailedException} unless it exits 0. */
  default CommandResult runChecked(HostCommand command) {
    return run(command).orThrow();
  }
}
