package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import io.kvmsdk.ha.internal.CibCodecs;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Pacemaker's Cluster Information Base ({@code <cib>}): typed where the SDK writes it (cluster
 * properties, nodes, primitives, groups, clones, location/colocation/order constraints, defaults),
 * kept verbatim everywhere else ({@code <status>}, rules, bundles, ACLs, alerts, ...), so
 * {@code Cib.fromXml(xml).toXml()} is lossless. Built and parsed with the core XML toolkit.
 * {@code toString()} is the XML with secret parameters (password, passwd, ...) shown as {@code ****}.
 */
@Value.Immutable
public abstract class Cib {
  /** {@code validate-with}, e.g. {@code pacemaker-3.9}. */
  public abstract Optional<String> validateWith();

  public abstract Optional<String> epoch();

  public abstract Optional<String> numUpdates();

  public abstract Optional<String> adminEpoch();

  public abstract Optional<CibConfiguration> configuration();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Parses CIB XML ({@code cibadmin --query}, {@code pcs cluster cib}). */
  public static Cib fromXml(String xml) { return CibCodecs.parse(xml); }

  /** The CIB as XML, secrets included (a CIB the SDK renders holds none: see {@code ClusterSpec}). */
  public String toXml() { return CibCodecs.render(this); }

  /** What this CIB keeps verbatim, as paths. */
  @Value.Lazy public List<String> unmodeledPaths() { return CibCodecs.unmodeledPaths(this); }

  /** All primitives: top level, in groups and in clones. */
  public List<Primitive> allPrimitives() { return CibCodecs.allPrimitives(this); }

  public Cib copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Override public String toString() { return CibCodecs.renderRedacted(this); }

  public static class Builder extends ImmutableCib.Builder {}
}
