package io.kvmsdk.core.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Makes a missing oracle a skip (a failure under {@code kvmsdk.requireTools}) whatever the test's
 * shape: a test whose {@link Oracles#require} skip was caught (by {@code assertThatThrownBy}, a
 * {@code catch (Exception)}, ...) is reported as skipped with the oracle's reason instead of
 * failing on the unexpected exception or passing for the wrong reason.
 *
 * <p>Registered automatically through {@code META-INF/services} (the parent POM turns on JUnit's
 * extension auto-detection for every module).
 */
public final class OracleSkipGuard implements BeforeEachCallback, TestExecutionExceptionHandler, AfterEachCallback {
  @Override public void beforeEach(ExtensionContext context) {
    Oracles.takePendingSkip();
  }

  @Override public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
    String reason = Oracles.takePendingSkip();
    if (reason == null || thrown instanceof TestAbortedException) throw thrown;
    missing(reason, thrown);
  }

  @Override public void afterEach(ExtensionContext context) {
    String reason = Oracles.takePendingSkip();
    if (reason == null || context.getExecutionException().isPresent()) return;
    missing(reason, null);
  }

  /** Throws the skip (or, under {@code kvmsdk.requireTools}, the failure) for {@code reason}. */
  private static void missing(String reason, Throwable swallowedBy) {
    String why = reason + (swallowedBy == null ? " (the test caught the skip and went on)" : "");
    if (Oracles.required()) throw new AssertionError("required oracle missing (kvmsdk.requireTools=true): " + why, swallowedBy);
    TestAbortedException e = new TestAbortedException(why);
    if (swallowedBy != null) e.addSuppressed(swallowedBy);
    throw e;
  }
}
