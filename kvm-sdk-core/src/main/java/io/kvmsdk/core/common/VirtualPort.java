package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <virtualport>} of an interface: the switch port profile. */
@Value.Immutable
public abstract class VirtualPort {
  /** {@code openvswitch}, {@code 802.1Qbg}, {@code 802.1Qbh}, {@code midonet}, or absent to merge with the network's. */
  public abstract Optional<String> type();

  public abstract Optional<VirtualPortParameters> parameters();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VirtualPort copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** An Open vSwitch port. */
  public static VirtualPort openvswitch() { return builder().type("openvswitch").build(); }

  /** An Open vSwitch port with the given interface UUID. */
  public static VirtualPort openvswitch(String interfaceid) {
    return builder().type("openvswitch").parameters(VirtualPortParameters.builder().interfaceid(interfaceid).build()).build();
  }

  /** Builds a {@link VirtualPort}. */
  public static class Builder extends ImmutableVirtualPort.Builder {}
}
