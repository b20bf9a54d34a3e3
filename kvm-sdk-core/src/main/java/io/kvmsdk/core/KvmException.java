package io.kvmsdk.core;

/**
 * Root of every exception the SDK throws. Unchecked, so the API composes with lambdas and JShell.
 * {@link #retryable()} tells whether the same call may succeed if tried again (a dropped
 * connection, a busy daemon), as opposed to a bad request that will fail the same way every time.
 */
public class KvmException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public KvmException(String message) { this(message, null, false); }

  public KvmException(String message, Throwable cause) { this(message, cause, false); }

  public KvmException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** True when the same call may succeed if tried again. */
  public boolean retryable() { return retryable; }
}
