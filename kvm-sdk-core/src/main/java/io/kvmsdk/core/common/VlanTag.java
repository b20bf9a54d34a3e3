package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <tag>} of an interface VLAN: one VLAN id. */
@Value.Immutable
public abstract class VlanTag {
  /** The VLAN id, 0 to 4095. */
  public abstract Optional<Integer> id();

  /** {@code tagged} or {@code untagged} (Open vSwitch native VLAN). */
  public abstract Optional<String> nativeMode();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VlanTag copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A tag with VLAN id {@code id}. */
  public static VlanTag of(int id) { return builder().id(id).build(); }

  /** Builds a {@link VlanTag}. */
  public static class Builder extends ImmutableVlanTag.Builder {}
}
