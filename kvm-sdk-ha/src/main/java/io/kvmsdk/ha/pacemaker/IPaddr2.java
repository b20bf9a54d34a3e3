package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A floating IP as a Pacemaker resource ({@code ocf:heartbeat:IPaddr2}): {@code ip}, {@code cidr_netmask}, {@code nic}. */
@Value.Immutable
public abstract class IPaddr2 {
  public abstract String id();

  /** {@code ADDRESS/PREFIX}, e.g. {@code 192.0.2.50/24}. */
  public abstract String cidr();

  /** {@code nic}: the interface (default: the one whose subnet holds the address). */
  public abstract Optional<String> nic();

  @Value.Default public Duration monitorInterval() { return Duration.ofSeconds(10); }

  public static IPaddr2 of(String id, String cidr) { return builder().id(id).cidr(cidr).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.xmlId("primitive", id());
    Ops.positive("primitive " + id() + "/op monitor/interval", monitorInterval());
    Inet.Cidr c = Inet.cidr(cidr(), "primitive " + id() + "/ip");
    if (!c.hasPrefix()) throw new io.kvmsdk.core.InvalidSpecException("primitive " + id() + "/cidr_netmask", "give the VIP with its prefix, e.g. 192.0.2.50/24");
    nic().ifPresent(n -> Names.iface("primitive " + id() + "/nic", n));
  }

  public Primitive toPrimitive() {
    Inet.Cidr c = Inet.cidr(cidr(), "ip");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("cidr_netmask", String.valueOf(c.prefix()));
    params.put("ip", c.address());
    nic().ifPresent(n -> params.put("nic", n));
    return Primitive.builder().id(id()).resourceClass("ocf").provider("heartbeat").type("IPaddr2")
        .addInstanceAttribute(NvSet.of(id() + "-instance_attributes", params))
        .operations(Operations.builder()
            .addOp(Ops.op(id(), "monitor", monitorInterval(), Duration.ofSeconds(20), null))
            .addOp(Ops.op(id(), "start", Duration.ZERO, Duration.ofSeconds(20), null))
            .addOp(Ops.op(id(), "stop", Duration.ZERO, Duration.ofSeconds(20), null)).build())
        .build();
  }

  /** Builds a {@link IPaddr2}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableIPaddr2.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("id", "primitive/@id", "cidr", "primitive/ip");

    @Override public IPaddr2 build() { return REQUIRED.build(super::build); }
  }
}
