package io.kvmsdk.core.domain;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The snapshots of one domain: create, list, look up, revert, delete. Obtained from {@link Domain#snapshots()}. */
public final class DomainSnapshots {
  private final Hypervisor hypervisor;
  private final String domain;

  DomainSnapshots(Hypervisor hypervisor, String domain) {
    this.hypervisor = hypervisor;
    this.domain = domain;
  }

  /** Takes a snapshot as {@code spec} describes (name, description, memory and disk choices). */
  public DomainSnapshot create(SnapshotSpec spec) {
    return new DomainSnapshot(hypervisor, domain, hypervisor.domains().createSnapshot(domain, spec.toXml()));
  }

  public List<DomainSnapshot> list() {
    return hypervisor.domains().snapshotNames(domain).stream().map(n -> new DomainSnapshot(hypervisor, domain, n)).toList();
  }

  public Optional<DomainSnapshot> find(String name) {
    return hypervisor.domains().snapshotXml(domain, Objects.requireNonNull(name)).map(x -> new DomainSnapshot(hypervisor, domain, name));
  }

  /** The snapshot named {@code name}; {@link NotFoundException} if there is none. */
  public DomainSnapshot get(String name) {
    return find(name).orElseThrow(() -> new NotFoundException("snapshot", domain + "/" + name));
  }

  /** The current snapshot (the last one taken or reverted to), if any. */
  public Optional<DomainSnapshot> current() {
    return hypervisor.domains().currentSnapshot(domain).map(n -> new DomainSnapshot(hypervisor, domain, n));
  }

  /** Reverts the domain to the named snapshot. */
  public void revert(String name) { hypervisor.domains().revertToSnapshot(domain, name); }

  public void revert(DomainSnapshot snapshot) { revert(snapshot.name()); }

  /** Deletes the named snapshot (its children are re-parented). */
  public void delete(String name) { hypervisor.domains().deleteSnapshot(domain, name); }
}
