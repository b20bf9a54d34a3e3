package io.kvmsdk.core.domain;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.ObjectRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The domains of one connection: define, look up, list. Obtained from {@code Kvm.domains()}. */
public final class Domains {
  private final Hypervisor hypervisor;

  /** For {@code Kvm}; users get this from {@code kvm.domains()}. */
  public Domains(Hypervisor hypervisor) { this.hypervisor = Objects.requireNonNull(hypervisor); }

  @Override public String toString() { return "Domains[" + hypervisor.uri() + "]"; }

  /** Defines (or redefines, same name and UUID) a persistent domain; it stays shut off until started. */
  public Domain define(DomainSpec spec) { return handle(hypervisor.domains().define(spec.toXml(), spec.name())); }

  /**
   * Creates and starts a transient domain ({@code virDomainCreateXML}): it runs without a persistent
   * definition and disappears once it stops.
   */
  public Domain create(DomainSpec spec) { return handle(hypervisor.domains().create(spec.toXml(), spec.name())); }

  private Domain handle(ObjectRef ref) { return new Domain(hypervisor, ref.name(), ref.uuid()); }

  /** The domain named {@code name}, or empty. */
  public Optional<Domain> find(String name) {
    return hypervisor.domains().lookup(Objects.requireNonNull(name, "name")).map(this::handle);
  }

  /** The domain named {@code name}; throws {@link NotFoundException} if there is none. */
  public Domain get(String name) { return find(name).orElseThrow(() -> new NotFoundException("domain", name)); }

  /** Every domain, running or not, persistent or transient. */
  public List<Domain> list() {
    return hypervisor.domains().list().stream().map(this::handle).toList();
  }

  /** The domains that pass {@code filters}, e.g. {@code list(DomainFilter.ACTIVE, DomainFilter.PERSISTENT)}; none: every domain. */
  public List<Domain> list(DomainFilter... filters) {
    java.util.Set<DomainFilter> set = java.util.EnumSet.noneOf(DomainFilter.class);
    for (DomainFilter f : filters) set.add(Objects.requireNonNull(f));
    return hypervisor.domains().list(set).stream().map(this::handle).toList();
  }

  /** Bulk statistics of every domain in one call ({@code virConnectGetAllDomainStats}), by domain name. */
  public Map<String, DomainStats> stats() {
    Map<String, DomainStats> out = new LinkedHashMap<>();
    hypervisor.domains().allStats().forEach((name, params) -> out.put(name, DomainStats.fromTypedParameters(name, params)));
    return out;
  }
}
