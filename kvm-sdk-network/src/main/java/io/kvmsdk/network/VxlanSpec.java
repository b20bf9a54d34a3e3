package io.kvmsdk.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.network.internal.Cidrs;
import io.kvmsdk.network.internal.IfaceNames;
import io.kvmsdk.network.internal.LinkTable;
import io.kvmsdk.network.internal.LinuxSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A VXLAN tunnel endpoint ({@code ip link add NAME type vxlan id VNI ...}) for an L2 overlay
 * between hosts: VNI {@link #vni()}, the host's {@link #local()} address, and either one
 * {@link #remote()} peer (point to point) or a multicast {@link #group()} on {@link #dev()}; UDP
 * port {@link #dstport()} (4789, IANA's, by default; the kernel's own default is 8472), MAC
 * learning on or off. Usually made a port of a bridge, whose MTU must leave room for the 50
 * bytes of VXLAN over IPv4.
 *
 * <pre>{@code
 * VxlanSpec vx = VxlanSpec.builder().name("vx100").vni(100).local("203.0.113.1").remote("203.0.113.2").build();
 * }</pre>
 */
@Value.Immutable
public abstract class VxlanSpec implements LinkSpec {
  @Override public abstract String name();

  /** The VXLAN network identifier, 0..16777215. */
  public abstract int vni();

  public abstract Optional<String> local();

  public abstract Optional<String> remote();

  /** A multicast group (needs {@link #dev()}). */
  public abstract Optional<String> group();

  /** The underlay device. */
  public abstract Optional<String> dev();

  @Value.Default public int dstport() { return 4789; }

  /** Learn remote MACs from received packets (default true); off when an EVPN/BGP control plane fills the FDB. */
  @Value.Default public boolean learning() { return true; }

  public abstract Optional<Integer> ttl();

  public abstract Optional<Integer> mtu();

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VxlanSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** {@code ip link add} arguments. */
  List<String> addArgs() {
    List<String> a = new ArrayList<>(List.of("link", "add", name(), "type", "vxlan", "id", String.valueOf(vni())));
    local().ifPresent(l -> a.addAll(List.of("local", l)));
    remote().ifPresent(r -> a.addAll(List.of("remote", r)));
    group().ifPresent(g -> a.addAll(List.of("group", g)));
    dev().ifPresent(d -> a.addAll(List.of("dev", d)));
    a.addAll(List.of("dstport", String.valueOf(dstport())));
    a.add(learning() ? "learning" : "nolearning");
    ttl().ifPresent(t -> a.addAll(List.of("ttl", String.valueOf(t))));
    return a;
  }

  @Override public Plan plan() {
    Plan.Builder p = Plan.builder()
        .step(LinuxSteps.create(name(), "vxlan", addArgs()).toBuilder()
            .probe(LinuxSteps.probe(name() + " is VXLAN " + vni() + " on port " + dstport(), this::matches)).build());
    mtu().ifPresent(m -> p.step(LinuxSteps.mtu(name(), m)));
    return p.step(LinuxSteps.up(name())).build();
  }

  /** The kernel keeps a VXLAN's settings for its life: a device that differs must be deleted and made again. */
  private boolean matches(LinkTable t) {
    if (!t.has(name()) || !t.kind(name()).equals("vxlan")) return false;
    return t.info(name(), "id").equals(String.valueOf(vni())) && t.info(name(), "port").equals(String.valueOf(dstport()))
        && t.info(name(), "local").equals(local().orElse("")) && t.info(name(), "remote").equals(remote().orElse(""))
        && t.info(name(), "group").equals(group().orElse("")) && t.info(name(), "learning").equals(String.valueOf(learning()));
  }

  @Override public Plan removalPlan() { return Plan.of(LinuxSteps.delete(name(), "vxlan")); }

  @Override public List<String> uses() { return List.of(); }

  @Value.Check protected void check() {
    String at = "vxlan[" + name() + "]";
    IfaceNames.check("vxlan/@name", name());
    IfaceNames.range(at + "/@vni", vni(), 0, 16777215, "a VNI");
    IfaceNames.range(at + "/@dstport", dstport(), 1, 65535, "a UDP port");
    Optional<Boolean> localV6 = local().map(l -> Cidrs.ip(at + "/@local", l));
    Optional<Boolean> remoteV6 = remote().map(r -> Cidrs.ip(at + "/@remote", r));
    dev().ifPresent(d -> IfaceNames.check(at + "/@dev", d));
    ttl().ifPresent(t -> IfaceNames.range(at + "/@ttl", t, 1, 255, "a TTL"));
    mtu().ifPresent(m -> IfaceNames.mtu(at + "/@mtu", m));
    if (remote().isPresent() && group().isPresent()) throw new InvalidSpecException(at + "/@group", "a VXLAN has a remote or a group, not both");
    if (group().isPresent()) {
      if (Cidrs.ip(at + "/@group", group().get()) || !Cidrs.isV4Multicast(group().get())) {
        throw new InvalidSpecException(at + "/@group", "must be an IPv4 multicast address (224.0.0.0/4), got '" + group().get() + "'");
      }
      if (dev().isEmpty()) throw new InvalidSpecException(at + "/@dev", "a multicast group needs the underlay device (dev)");
    }
    // ip link add reads remote and group in local's family ("inet6 address is expected rather than ...")
    boolean peerV6 = remoteV6.orElse(false);
    if (localV6.isPresent() && (remote().isPresent() || group().isPresent()) && localV6.get() != peerV6) {
      throw new InvalidSpecException(at + (remote().isPresent() ? "/@remote" : "/@group"), "must be of the same address family as local ("
          + (localV6.get() ? "IPv6" : "IPv4") + " " + local().get() + "), got '" + remote().orElseGet(() -> group().get()) + "'");
    }
  }

  @Override public String toString() { return "VxlanSpec[" + String.join(" ", addArgs().subList(2, addArgs().size())) + "]"; }

  /** Builds a {@link VxlanSpec}. */
  public static class Builder extends ImmutableVxlanSpec.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "vxlan/@name", "vni", "vxlan/@vni");

    @Override public VxlanSpec build() { return REQUIRED.build(super::build); }
  }
}
