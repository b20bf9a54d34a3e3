package io.kvmsdk.core.host;

/**
 * Receives progress while a {@link Plan} is applied (called on the applying thread). An exception
 * thrown by the listener is logged and ignored: it never interrupts a plan or its rollback.
 */
@FunctionalInterface
public interface PlanListener {
  /** A listener that ignores everything. */
  PlanListener NONE = e -> { };

  void onEvent(PlanEvent event);
}
