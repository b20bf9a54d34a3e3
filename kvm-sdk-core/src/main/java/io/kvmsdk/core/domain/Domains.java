package io.kvmsdk.core.domain;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The domains of one connection: define, look up, list. Obtained from {@code Kvm.domains()}. */
public final class Domains {
  /**
   * What {@link #list(Filter...)} keeps ({@code virConnectListAllDomainsFlags}): filters of one group
   * (active/inactive; persistent/transient; running/paused/shut off; autostart/no autostart) widen
   * each other, groups narrow each other, as in libvirt.
   */
  public enum Filter {
    ACTIVE(1), INACTIVE(2), PERSISTENT(4), TRANSIENT(8), RUNNING(16), PAUSED(32), SHUTOFF(64), AUTOSTART(1024), NO_AUTOSTART(2048);

    private final int flag;

    Filter(int flag) { this.flag = flag; }

    /** libvirt's flag bit. */
    public int flag() { return flag; }
  }

  private final Hypervisor hypervisor;

  /** For {@code Kvm}; users get this from {@code kvm.domains()}. */
  public Domains(Hypervisor hypervisor) { this.hypervisor = Objects.requireNonNull(hypervisor); }

  /** Defines (or redefines, same name and UUID) a persistent domain; it stays shut off until started. */
  public Domain define(DomainSpec spec) {
    Hypervisor.DomainRef ref = hypervisor.defineDomain(spec.toXml());
    return new Domain(hypervisor, ref.name(), ref.uuid());
  }

  /**
   * Creates and starts a transient domain ({@code virDomainCreateXML}): it runs without a persistent
   * definition and disappears once it stops.
   */
  public Domain create(DomainSpec spec) {
    Hypervisor.DomainRef ref = hypervisor.createDomain(spec.toXml());
    return new Domain(hypervisor, ref.name(), ref.uuid());
  }

  /** The domain named {@code name}, or empty. */
  public Optional<Domain> find(String name) {
    return hypervisor.lookupDomain(Objects.requireNonNull(name, "name")).map(r -> new Domain(hypervisor, r.name(), r.uuid()));
  }

  /** The domain named {@code name}; throws {@link NotFoundException} if there is none. */
  public Domain get(String name) { return find(name).orElseThrow(() -> new NotFoundException("domain", name)); }

  /** Every domain, running or not, persistent or transient. */
  public List<Domain> list() {
    return hypervisor.listDomains().stream().map(r -> new Domain(hypervisor, r.name(), r.uuid())).toList();
  }

  /** The domains that pass {@code filters}, e.g. {@code list(Filter.ACTIVE, Filter.PERSISTENT)}; none: every domain. */
  public List<Domain> list(Filter... filters) {
    java.util.Set<Filter> set = java.util.EnumSet.noneOf(Filter.class);
    for (Filter f : filters) set.add(Objects.requireNonNull(f));
    return hypervisor.listDomains(set).stream().map(r -> new Domain(hypervisor, r.name(), r.uuid())).toList();
  }

  /** Bulk statistics of every domain in one call ({@code virConnectGetAllDomainStats}), by domain name. */
  public Map<String, DomainStats> stats() {
    Map<String, DomainStats> out = new LinkedHashMap<>();
    hypervisor.allDomainStats().forEach((name, params) -> out.put(name, DomainStats.fromTypedParameters(name, params)));
    return out;
  }
}
