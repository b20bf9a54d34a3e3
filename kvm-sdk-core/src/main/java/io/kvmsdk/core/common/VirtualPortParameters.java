package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <parameters>} of a virtualport (802.1Qbg, 802.1Qbh, Open vSwitch, MidoNet). */
@Value.Immutable
public abstract class VirtualPortParameters {
  /** 802.1Qbg VSI manager id. */
  public abstract Optional<Integer> managerid();

  /** 802.1Qbg VSI type id. */
  public abstract Optional<Integer> typeid();

  /** 802.1Qbg VSI type version. */
  public abstract Optional<Integer> typeidversion();

  /** 802.1Qbg VSI instance UUID. */
  public abstract Optional<String> instanceid();

  /** 802.1Qbh or Open vSwitch port profile. */
  public abstract Optional<String> profileid();

  /** Open vSwitch or MidoNet interface UUID. */
  public abstract Optional<String> interfaceid();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VirtualPortParameters copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VirtualPortParameters}. */
  public static class Builder extends ImmutableVirtualPortParameters.Builder {}
}
