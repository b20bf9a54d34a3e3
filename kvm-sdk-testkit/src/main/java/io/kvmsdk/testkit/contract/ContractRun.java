package io.kvmsdk.testkit.contract;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a {@link ContractCase} works with: the connection under test, an optional peer host, unique
 * object names (so a shared real libvirtd is safe), a bootable guest for the target, expectations
 * that explain themselves when they fail, and cleanup of everything the case created.
 */
public final class ContractRun implements AutoCloseable {
  private final Kvm kvm;
  private final Kvm peer;
  private final Set<ContractCapability> capabilities;
  private final Function<String, DomainSpec> guests;
  private final Function<String, DomainSpec> busyGuests;
  private final Function<String, String> images;
  private final String prefix = "kvmsdk-ct-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private final Deque<Runnable> cleanups = new ArrayDeque<>();

  ContractRun(Kvm kvm, Kvm peer, Set<ContractCapability> capabilities, Function<String, DomainSpec> guests,
      Function<String, DomainSpec> busyGuests, Function<String, String> images) {
    this.images = images;
    this.busyGuests = busyGuests;
    this.kvm = kvm;
    this.peer = peer;
    this.capabilities = capabilities;
    this.guests = guests;
  }

  /** The connection to the host under test. */
  public Kvm kvm() { return kvm; }

  /** The second host (cases needing {@link ContractCapability#MIGRATION} only). */
  public Kvm peer() {
    if (peer == null) throw new IllegalStateException("this target has no peer host; the case should need MIGRATION");
    return peer;
  }

  /** True when the target has {@code c} (for cases that tighten their checks on QEMU). */
  public boolean has(ContractCapability c) { return capabilities.contains(c); }

  /** A name unique to this run: {@code kvmsdk-ct-1a2b3c4d-STEM}. Everything named so is cleaned up. */
  public String name(String stem) { return prefix + stem; }

  /** A guest named {@code name} that the target can define and boot. */
  public DomainSpec guest(String name) { return guests.apply(name); }

  /** A guest whose live migration at 1 MiB/s takes several seconds (see {@link HypervisorContract#busyGuest}). */
  public DomainSpec busyGuest(String name) { return busyGuests.apply(name); }

  /** A guest named {@code name} with one qcow2 disk ({@code vda}, virtio) the target provides. */
  public DomainSpec guestWithDisk(String name) {
    String image = images.apply(name);
    return guest(name).copy(b -> b.addDisk(io.kvmsdk.core.domain.Disk.file(image).qcow2().target("vda", "virtio")));
  }

  /** Runs {@code cleanup} when the case ends (last registered runs first); its failures are ignored. */
  public void onClose(Runnable cleanup) { cleanups.push(cleanup); }

  // ------------------------------------------------------------------ expectations

  /** A call under test (its result, if any, is ignored). */
  @FunctionalInterface
  public interface Call {
    void run();
  }

  /** Fails with {@code message} unless {@code ok}. */
  public static void check(boolean ok, String message) {
    if (!ok) throw new AssertionError(message);
  }

  /** Fails unless {@code actual} equals {@code expected}, naming {@code what}. */
  public static void expectEqual(String what, Object expected, Object actual) {
    if (!java.util.Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
    }
  }

  /**
   * Expects {@code call} to be refused with a non-retryable {@link LibvirtException} and returns it.
   * On a target with {@link ContractCapability#QEMU_DRIVER} the libvirt error {@code code} and, when
   * not null, the exact libvirt {@code message} must match too.
   */
  public LibvirtException expectRefused(String what, Call call, String code, String message) {
    try {
      call.run();
    } catch (NotFoundException e) {
      throw new AssertionError(what + ": expected a refusal (" + code + ") but got not-found: " + e.getMessage(), e);
    } catch (LibvirtException e) {
      check(!e.retryable(), what + ": a refusal must not be retryable: " + e.getMessage());
      if (has(ContractCapability.QEMU_DRIVER)) {
        expectEqual(what + " (libvirt error code)", code, e.code());
        if (message != null) expectEqual(what + " (libvirt message)", message, e.libvirtMessage());
      }
      return e;
    } catch (KvmException e) {
      throw new AssertionError(what + ": expected a LibvirtException (" + code + ") but got " + e, e);
    }
    throw new AssertionError(what + ": expected libvirt to refuse with " + code + (message == null ? "" : " '" + message + "'")
        + " but the call succeeded");
  }

  /** Expects {@code call} to fail with {@link NotFoundException} for an object of {@code kind} named {@code name}. */
  public NotFoundException expectNotFound(String what, Call call, String kind, String name) {
    try {
      call.run();
      throw new AssertionError(what + ": expected " + kind + " '" + name + "' not to be found, but the call succeeded");
    } catch (NotFoundException e) {
      expectEqual(what + " (kind)", kind, e.kind());
      expectEqual(what + " (name)", name, e.name());
      return e;
    }
  }

  /**
   * Polls {@code read} until {@code done} holds (a real daemon's asynchronous effect: a guest's DHCP lease)
   * for at most {@code seconds} of real time; returns the last value read. A fake answers at once.
   */
  public static <T> T awaitReal(int seconds, java.util.function.Supplier<T> read, Predicate<T> done) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    T v = read.get();
    while (!done.test(v) && System.nanoTime() < end) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      v = read.get();
    }
    return v;
  }

  // ------------------------------------------------------------------ helpers

  /** Defines {@code spec} and registers its cleanup (destroy if running, undefine with snapshot metadata). */
  public Domain define(DomainSpec spec) {
    Domain d = kvm.domains().define(spec);
    cleanUp(kvm, spec.name());
    return d;
  }

  /** Registers the cleanup of domain {@code name} on {@code on}. */
  public void cleanUp(Kvm on, String name) {
    onClose(() -> on.domains().find(name).ifPresent(d -> {
      if (d.state().isActive()) d.destroy();
      if (on.domains().find(name).isPresent() && d.isPersistent()) d.undefine(io.kvmsdk.core.domain.UndefineOption.SNAPSHOTS_METADATA);
    }));
  }

  /** Records the lifecycle events of the domains of this run on {@code on} until the case ends. */
  public EventLog events(Kvm on) {
    EventLog log = new EventLog();
    KvmSubscription sub = on.events().onLifecycle(e -> {
      if (e.domainName().startsWith(prefix)) log.seen.add(e);
    });
    onClose(sub::close);
    return log;
  }

  /** Lifecycle events seen so far; {@link #await} waits (in real time) for a real daemon's to arrive. */
  public static final class EventLog {
    private final List<DomainEvent> seen = new CopyOnWriteArrayList<>();

    /** Events of {@code domain} as {@code TYPE/DETAIL}, in order. */
    public List<String> of(String domain) {
      List<String> out = new ArrayList<>();
      for (DomainEvent e : seen) if (e.domainName().equals(domain)) out.add(e.type() + "/" + e.detail());
      return out;
    }

    /**
     * Waits (real time, at most 10 s) for at least {@code count} events of {@code domain}, then until
     * none has arrived for 200 ms, so an extra event a daemon sends late is seen too; returns them all.
     */
    public List<String> settle(String domain, int count) {
      await(domain, l -> l.size() >= count);
      long end = System.nanoTime() + 10_000_000_000L;
      int n = -1;
      while (n != of(domain).size() && System.nanoTime() < end) {
        n = of(domain).size();
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return of(domain);
    }

    /** Waits up to 10 s of real time until {@code done} holds for {@link #of(String)}; returns the events seen. */
    public List<String> await(String domain, Predicate<List<String>> done) {
      long end = System.nanoTime() + 10_000_000_000L;
      while (!done.test(of(domain)) && System.nanoTime() < end) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return of(domain);
    }
  }

  /** Runs the cleanups, newest first. */
  @Override public void close() {
    while (!cleanups.isEmpty()) {
      try {
        cleanups.pop().run();
      } catch (RuntimeException e) {
        // best effort: the case's own assertion is the one to report
      }
    }
  }
}
