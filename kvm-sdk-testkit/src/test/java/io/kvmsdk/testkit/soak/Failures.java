package io.kvmsdk.testkit.soak;

import io.kvmsdk.core.KvmException;
import java.util.Map;
import java.util.TreeMap;

/** The failures a soak met: each must be a typed {@link KvmException}; counted by type and retryability. */
final class Failures {
  private int count;
  private final Map<String, Integer> byType = new TreeMap<>();

  /** Runs {@code call}: null when it succeeded, else its typed failure; an untyped one fails the soak. */
  static RuntimeException attempt(Runnable call) {
    try {
      call.run();
      return null;
    } catch (KvmException e) {
      return e;
    } catch (RuntimeException e) {
      throw new AssertionError("an untyped failure: " + e, e);
    }
  }

  /** Counts {@code e}, a failure {@link #attempt} returned. */
  void add(RuntimeException e) {
    count++;
    byType.merge(e.getClass().getSimpleName() + (((KvmException) e).retryable() ? "(retryable)" : ""), 1, Integer::sum);
  }

  int count() { return count; }

  /** {@code 12 {LibvirtException=3, LibvirtException(retryable)=9}}. */
  @Override public String toString() { return count + " " + byType; }
}
