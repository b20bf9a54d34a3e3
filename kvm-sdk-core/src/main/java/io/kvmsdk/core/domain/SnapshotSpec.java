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

  /**
   * The domain definition as it was when the snapshot was taken ({@code <domain type='...'>}).
   * libvirt reads it with its parser's rules but without the define-time validation
   * ({@code VIR_DOMAIN_DEF_PARSE_SKIP_VALIDATE}), and so does {@link #fromXml}: a snapshot of a
   * domain libvirt keeps is never refused. Deriving a changed copy ({@code copy}) applies every rule.
   */
  public abstract Optional<DomainSpec> domain();

  /**
   * The domain's UUID when the snapshot names its domain only by UUID ({@code <domain><uuid>..</uuid></domain>},
   * without a type: older snapshots, creation requests); empty when {@link #domain()} holds the definition.
   */
  public abstract Optional<String> domainUuid();

  /** The inactive domain definition of a snapshot of a running domain (read as {@link #domain()} is). */
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

  /** The XML with secrets masked: the embedded domain's graphics passwords and disk cookies never show. */
  @Override public String toString() { return SnapshotCodecs.renderRedacted(this); }

  @Value.Check protected void check() {
    if (domain().isPresent() && domainUuid().isPresent()) {
      throw new io.kvmsdk.core.InvalidSpecException("domain", "holds either a definition (domain) or only a UUID (domainUuid), not both");
    }
    domainUuid().filter(u -> !DomainRules.isUuid(u)).ifPresent(u ->
        { throw new io.kvmsdk.core.InvalidSpecException("domain/uuid", "must be a UUID, got '" + u + "'"); });
  }

  /** Builds a {@link SnapshotSpec}. */
  public static class Builder extends ImmutableSnapshotSpec.Builder {}
}
