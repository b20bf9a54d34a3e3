package io.kvmsdk.core.host;

/** Receives progress while a {@link Plan} is applied (called on the applying thread). */
@FunctionalInterface
public interface PlanListener {
  /** A listener that ignores everything. */
  PlanListener NONE = e -> { };

  void onEvent(PlanEvent event);
}
