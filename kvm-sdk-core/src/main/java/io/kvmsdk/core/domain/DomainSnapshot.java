package io.kvmsdk.core.domain;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import java.util.Objects;

/** A handle to one snapshot of a domain, named by domain and snapshot name. */
public final class DomainSnapshot {
  private final Hypervisor hypervisor;
  private final String domain;
  private final String name;

  DomainSnapshot(Hypervisor hypervisor, String domain, String name) {
    this.hypervisor = hypervisor;
    this.domain = domain;
    this.name = name;
  }

  public String name() { return name; }

  /** The name of the domain this snapshot belongs to. */
  public String domainName() { return domain; }

  /** The snapshot's definition as libvirt reports it (state, creation time, parent, domain XML). */
  public SnapshotSpec spec() {
    return SnapshotSpec.fromXml(hypervisor.domains().snapshotXml(domain, name).orElseThrow(() -> new NotFoundException("snapshot", domain + "/" + name)));
  }

  /** Reverts the domain to this snapshot. */
  public void revert() { hypervisor.domains().revertToSnapshot(domain, name); }

  public void delete() { hypervisor.domains().deleteSnapshot(domain, name); }

  @Override public boolean equals(Object o) {
    return o instanceof DomainSnapshot s && s.domain.equals(domain) && s.name.equals(name);
  }

  @Override public int hashCode() { return Objects.hash(domain, name); }

  @Override public String toString() { return "DomainSnapshot[" + domain + "/" + name + "]"; }
}
