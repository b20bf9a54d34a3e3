package io.kvmsdk.core;

import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainJobEvent;
import io.kvmsdk.core.spi.Hypervisor;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Event subscriptions of one {@link Kvm} connection. Events are delivered on one managed daemon
 * thread (libvirt's event loop, started on first use, stopped when nothing listens any more);
 * a listener that throws is logged and keeps receiving events.
 */
public final class KvmEvents {
  private final Hypervisor hypervisor;

  KvmEvents(Hypervisor hypervisor) { this.hypervisor = hypervisor; }

  /**
   * Delivers every domain lifecycle event (defined, started, suspended, resumed, stopped, ...)
   * until the returned subscription is closed; the registration survives a reconnect.
   */
  public KvmSubscription onLifecycle(Consumer<DomainEvent> listener) {
    return hypervisor.domains().onLifecycle(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Delivers every job event (a migration's passes over memory, a job's completion with its final
   * statistics) until the returned subscription is closed; the registration survives a reconnect.
   */
  public KvmSubscription onJob(Consumer<DomainJobEvent> listener) {
    return hypervisor.domains().onJobEvent(Objects.requireNonNull(listener, "listener"));
  }
}
