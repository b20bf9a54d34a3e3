package io.kvmsdk.core.domain;

import io.kvmsdk.core.internal.domain.SnapshotCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import io.kvmsdk.core.xml.XmlElement;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A libvirt domain snapshot ({@code <domainsnapshot>}): what to snapshot (memory, each disk) when
 * creating, and what libvirt reports about an existing snapshot (state, parent, the domain as it was).
 *
 * <pre>{@code
 * SnapshotSpec s = SnapshotSpec.builder().name("before-upgrade").description("pre 2.0").build();
 * domain.snapshots().create(s);
 * }</pre>
 */
@Value.Immutable
public abstract class SnapshotSpec {
  public abstract Optional<String> name();

  public abstract Optional<String> description();

  /** The domain state when the snapshot was taken (reported by libvirt). */
  public abstract Optional<String> state();

  /** Seconds since the epoch (reported by libvirt). */
  public abstract Optional<Long> creationTime();

  /** The parent snapshot's name (reported by libvirt). */
  public abstract Optional<String> parent();

  public abstract Optional<SnapshotMemory> memory();

  public abstract List<SnapshotDisk> disks();

  /** Whether this is the current snapshot (reported by libvirt). */
  public abstract Optional<Integer> active();

  /** The domain definition as it was when the snapshot was taken. */
  public abstract Optional<DomainSpec> domain();

  /** The inactive domain definition of a snapshot of a running domain. */
  public abstract Optional<DomainSpec> inactiveDomain();

  /** Hypervisor-private migration cookie, kept as XML. */
  public abstract Optional<XmlElement> cookie();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Parses {@code <domainsnapshot>} XML. */
  public static SnapshotSpec fromXml(String xml) { return SnapshotCodecs.parse(xml); }

  /** This snapshot as libvirt XML. */
  public String toXml() { return SnapshotCodecs.render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return SnapshotCodecs.unmodeledPaths(this); }

  /** Derives a changed copy. */
  public SnapshotSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Override public String toString() { return toXml(); }

  /** Builds a {@link SnapshotSpec}. */
  public static class Builder extends ImmutableSnapshotSpec.Builder {}
}
