package io.kvmsdk.core;

import java.time.Duration;

/** A wait (for a state, a command, a shutdown) did not finish in time. Retryable. */
public class KvmTimeoutException extends KvmException {
  private static final long serialVersionUID = 1L;
  private final Duration timeout;

  public KvmTimeoutException(String what, Duration timeout) {
    super(what + " did not finish within " + timeout, null, true);
    this.timeout = timeout;
  }

  /** How long was waited. */
  public Duration timeout() { return timeout; }
}
