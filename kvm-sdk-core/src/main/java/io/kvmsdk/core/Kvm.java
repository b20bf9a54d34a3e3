package io.kvmsdk.core;

import io.kvmsdk.core.domain.Domains;
import io.kvmsdk.core.network.Networks;
import io.kvmsdk.core.nwfilter.NwFilters;
import io.kvmsdk.core.secret.Secrets;
import io.kvmsdk.core.storage.StoragePools;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.HypervisorProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A connection to a hypervisor: the SDK's entry object.
 *
 * <pre>{@code
 * try (Kvm kvm = Kvm.connect("qemu:///system")) {
 *   Domain web = kvm.domains().define(spec);
 *   web.start();
 * }
 * }</pre>
 *
 * Thread-safe: many threads may share one Kvm. Every error is an unchecked {@link KvmException}.
 */
public final class Kvm implements AutoCloseable {
  private final Hypervisor hypervisor;
  private final Domains domains;
  private final KvmEvents events;
  private final Secrets secrets;
  private final Networks networks;
  private final StoragePools pools;
  private final NwFilters nwfilters;

  private Kvm(Hypervisor hypervisor) {
    this.hypervisor = hypervisor;
    this.domains = new Domains(hypervisor);
    this.events = new KvmEvents(hypervisor);
    this.secrets = new Secrets(hypervisor);
    this.networks = new Networks(hypervisor);
    this.pools = new StoragePools(hypervisor);
    this.nwfilters = new NwFilters(hypervisor);
  }

  /**
   * Connects to {@code uri}: any libvirt URI ({@code test:///default}, {@code qemu:///system},
   * {@code qemu+ssh://user@host/system}, {@code qemu:///system?socket=/path}), or a URI a plugged-in
   * {@link HypervisorProvider} accepts (the testkit's {@code fake:///NAME}). When libvirt-java,
   * JNA or the native libvirt library is missing, the exception says which.
   *
   * <p>An empty URI, a malformed one, an unknown driver or transport is an {@link InvalidSpecException}
   * on field {@code uri} saying what is wrong (libvirt's own answer would mislead: an empty URI
   * silently opens libvirt's default). A connect libvirt refuses for configuration (authentication
   * refused, certificate or key missing, unknown host) is a {@link LibvirtException} that is never
   * {@link KvmException#retryable() retryable}; a daemon that refuses or drops the connection is.
   */
  public static Kvm connect(String uri) {
    Objects.requireNonNull(uri, "uri");
    if (uri.isBlank()) throw io.kvmsdk.core.internal.libvirt.LibvirtUris.empty();
    return new Kvm(provider(uri).open(uri));
  }

  /** Wraps an already open {@link Hypervisor} (a fake, a decorated adapter). */
  public static Kvm using(Hypervisor hypervisor) { return new Kvm(Objects.requireNonNull(hypervisor, "hypervisor")); }

  static HypervisorProvider provider(String uri) {
    List<HypervisorProvider> accepting = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    ServiceLoader<HypervisorProvider> loader = ServiceLoader.load(HypervisorProvider.class, Kvm.class.getClassLoader());
    var it = loader.iterator();
    while (true) {
      try {
        if (!it.hasNext()) break;
        HypervisorProvider p = it.next();
        if (p.accepts(uri)) accepting.add(p);
      } catch (ServiceConfigurationError e) {
        broken.add(String.valueOf(e.getMessage()));
      }
    }
    return accepting.stream().max(Comparator.comparingInt(HypervisorProvider::priority)).orElseThrow(() ->
        new KvmException("no hypervisor provider accepts '" + uri + "'"
            + (uri.startsWith("fake:") ? " (fake:/// URIs need kvm-sdk-testkit on the class path)" : "")
            + (broken.isEmpty() ? "" : "; providers that failed to load: " + broken)));
  }

  /** The domains of this connection: define, find, get, list. */
  public Domains domains() { return domains; }

  /** Event subscriptions (domain lifecycle). */
  public KvmEvents events() { return events; }

  /** The host behind this connection: CPUs, memory, free memory. */
  public io.kvmsdk.core.node.Node node() { return new io.kvmsdk.core.node.Node(hypervisor); }

  /** libvirt secrets (passwords and keys for disks and storage). */
  public Secrets secrets() { return secrets; }

  /** Virtual networks: define, create, find, get, list. */
  public Networks networks() { return networks; }

  /** Storage pools (and through them their volumes): define, create, find, get, list. */
  public StoragePools pools() { return pools; }

  /** Network filters (and their bindings to guest interfaces): define, find, get, list. */
  public NwFilters nwfilters() { return nwfilters; }

  /** The connection URI as the hypervisor reports it. */
  public String uri() { return hypervisor.uri(); }

  /** True while the connection is usable; false once it dropped or was closed. */
  public boolean isAlive() { return hypervisor.isAlive(); }

  /**
   * The time this connection's waiters use: real time, or a fake hypervisor's clock in tests. Use it
   * for your own backoffs so that, against the testkit, they take no real time.
   */
  public io.kvmsdk.core.spi.Ticker ticker() { return hypervisor.ticker(); }

  /** The port this connection talks through (for extensions and tests). */
  public Hypervisor hypervisor() { return hypervisor; }

  /** Closes the connection and its subscriptions; idempotent, throws nothing checked. */
  @Override public void close() { hypervisor.close(); }

  @Override public String toString() { return "Kvm[" + hypervisor.uri() + "]"; }
}
