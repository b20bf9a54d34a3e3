package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <vlan>} of an interface: VLAN tagging (or trunking) of the guest traffic. */
@Value.Immutable
public abstract class Vlan {
  /** Trunking even with a single tag. */
  public abstract Optional<Boolean> trunk();

  public abstract List<VlanTag> tags();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Vlan copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Tagging with one VLAN id. */
  public static Vlan of(int id) { return builder().addTag(VlanTag.of(id)).build(); }

  /** Trunking of the given VLAN ids. */
  public static Vlan trunk(int... ids) {
    Builder b = builder().trunk(true);
    for (int id : ids) b.addTag(VlanTag.of(id));
    return b.build();
  }

  /** Builds a {@link Vlan}. */
  public static class Builder extends ImmutableVlan.Builder {}
}
