package io.kvmsdk.network;

import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.network.internal.Cidrs;
import io.kvmsdk.network.internal.IfaceNames;
import io.kvmsdk.network.internal.LinuxSteps;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * An 802.1Q sub-interface ({@code ip link add link PARENT name NAME type vlan id ID}): VLAN
 * {@link #id()} of {@link #parent()} (a NIC or a bond) as a device of its own, up, with an optional
 * MTU (at most the parent's) and addresses. Named {@code PARENT.ID} unless told otherwise.
 *
 * <pre>{@code
 * VlanSpec mgmt = VlanSpec.of("bond0", 100).copy(b -> b.addAddress("198.51.100.11/24"));
 * }</pre>
 */
@Value.Immutable
public abstract class VlanSpec implements LinkSpec {
  public abstract String parent();

  /** The VLAN id, 1..4094. */
  public abstract int id();

  /** The device's name; {@code PARENT.ID} by default. */
  @Override @Value.Default public String name() { return parent() + "." + id(); }

  public abstract Optional<Integer> mtu();

  public abstract List<String> addresses();

  public static Builder builder() { return new Builder(); }

  /** VLAN {@code id} of {@code parent}, named {@code PARENT.ID}. */
  public static VlanSpec of(String parent, int id) { return builder().parent(parent).id(id).build(); }

  /** Derives a changed copy. */
  public VlanSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Override public Plan plan() {
    Plan.Builder p = Plan.builder().step(LinuxSteps.create(name(), "vlan",
        List.of("link", "add", "link", parent(), "name", name(), "type", "vlan", "id", String.valueOf(id()))));
    mtu().ifPresent(m -> p.step(LinuxSteps.mtu(name(), m)));
    addresses().forEach(a -> p.step(LinuxSteps.address(name(), a)));
    return p.step(LinuxSteps.up(name())).build();
  }

  @Override public Plan removalPlan() { return Plan.of(LinuxSteps.delete(name(), "vlan")); }

  @Override public List<String> uses() { return List.of(); }

  @Value.Check protected void check() {
    String at = "vlan[" + name() + "]";
    IfaceNames.check(at + "/@parent", parent());
    IfaceNames.vlan(at + "/@id", id());
    IfaceNames.check(at + "/@name", name());
    mtu().ifPresent(m -> IfaceNames.mtu(at + "/@mtu", m));
    addresses().forEach(a -> Cidrs.cidr(at + "/address", a));
  }

  @Override public String toString() { return "VlanSpec[" + name() + ": " + parent() + " vlan " + id() + "]"; }

  /** Builds a {@link VlanSpec}. */
  public static class Builder extends ImmutableVlanSpec.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("parent", "vlan/@parent", "id", "vlan/@id");

    @Override public VlanSpec build() { return REQUIRED.build(super::build); }
  }
}
