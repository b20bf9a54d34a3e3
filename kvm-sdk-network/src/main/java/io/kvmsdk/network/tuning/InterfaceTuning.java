package io.kvmsdk.network.tuning;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.network.internal.IfaceNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One interface's MTU and offloads.
 *
 * <pre>{@code
 * InterfaceTuning t = InterfaceTuning.of("eth1").mtu(9000).offload(Offload.GRO, true).offload(Offload.LRO, false).build();
 * t.plan();   // ip link set dev eth1 mtu 9000; ethtool -K eth1 gro on; ... each skipped when already so
 * }</pre>
 *
 * Each offload is a step checked against {@code ethtool -k} and undone by the opposite setting; a
 * feature the driver has fixed at the other value fails its step with ethtool's "Could not change
 * any device features". The MTU step has no undo (the old MTU is not known when the plan is built).
 * For a bridge and its ports, set the ports' MTU, then the bridge's (a bridge takes its smallest
 * port's MTU when a port joins).
 */
public final class InterfaceTuning {
  private final String iface;
  private final Integer mtu;
  private final Map<Offload, Boolean> offloads;

  private InterfaceTuning(Builder b) {
    this.iface = b.iface;
    this.mtu = b.mtu;
    this.offloads = Collections.unmodifiableMap(new EnumMap<>(b.offloads));
  }

  /** A builder for interface {@code iface}. */
  public static Builder of(String iface) { return new Builder(iface); }

  public String iface() { return iface; }

  public Optional<Integer> mtu() { return Optional.ofNullable(mtu); }

  /** Feature to on/off, in {@link Offload} order. */
  public Map<Offload, Boolean> offloads() { return offloads; }

  /** The plan: the MTU, then each offload, each skipped when the interface already has it. */
  public Plan plan() {
    List<Step> steps = new ArrayList<>();
    if (mtu != null) {
      steps.add(Step.builder("MTU " + mtu + " on " + iface)
          .check(HostCommand.of("grep", "-qx", Integer.toString(mtu), "/sys/class/net/" + iface + "/mtu"))
          .change(HostCommand.of("ip", "link", "set", "dev", iface, "mtu", Integer.toString(mtu))).build());
    }
    offloads.forEach((f, on) -> {
      String v = on ? "on" : "off";
      steps.add(Step.builder(f.ethtoolName() + " " + v + " on " + iface)
          .check(HostCommand.pipeline(List.of("ethtool", "-k", iface), List.of("grep", "-qE", "^" + f.listedName() + ": " + v + "( \\[fixed\\])?$")))
          .change(HostCommand.of("ethtool", "-K", iface, f.ethtoolName(), v))
          .undo(HostCommand.of("ethtool", "-K", iface, f.ethtoolName(), on ? "off" : "on")).build());
    });
    return Plan.of(steps);
  }

  @Override public boolean equals(Object o) {
    return o instanceof InterfaceTuning t && t.iface.equals(iface) && java.util.Objects.equals(t.mtu, mtu) && t.offloads.equals(offloads);
  }

  @Override public int hashCode() { return java.util.Objects.hash(iface, mtu, offloads); }

  @Override public String toString() { return "InterfaceTuning[" + iface + (mtu == null ? "" : ", mtu " + mtu) + ", offloads " + offloads + "]"; }

  /** Builds an {@link InterfaceTuning}. */
  public static final class Builder {
    private final String iface;
    private Integer mtu;
    private final Map<Offload, Boolean> offloads = new EnumMap<>(Offload.class);

    private Builder(String iface) { this.iface = IfaceNames.check("iface", iface); }

    /** The MTU, 68..65535 (9000 for jumbo frames). */
    public Builder mtu(int mtu) {
      IfaceNames.mtu("mtu", mtu);
      this.mtu = mtu;
      return this;
    }

    /** Turns {@code feature} on or off. */
    public Builder offload(Offload feature, boolean on) {
      offloads.put(java.util.Objects.requireNonNull(feature, "feature"), on);
      return this;
    }

    public InterfaceTuning build() { return new InterfaceTuning(this); }
  }
}
