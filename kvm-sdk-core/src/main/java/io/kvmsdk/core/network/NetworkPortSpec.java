package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.common.Bandwidth;
import io.kvmsdk.core.common.VirtualPort;
import io.kvmsdk.core.common.Vlan;
import io.kvmsdk.core.internal.network.NetworkCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A port of a libvirt virtual network ({@code <networkport>}): the plug a guest interface holds:
 * its owner, MAC, portgroup, switch profile, bandwidth, VLAN tags and how it is plugged on the host.
 * Typed, immutable and lossless; what no typed field covers yet is kept verbatim, re-emitted by
 * {@link #toXml()} and listed by {@link #unmodeledPaths()}.
 *
 * <pre>{@code
 * NetworkPortSpec port = NetworkPortSpec.builder()
 *     .uuid("5d744f21-ba4a-4d6e-bdb2-30a35ff3207d")
 *     .owner(NetworkPortOwner.of("web1", "d54df46f-1ab5-4a22-8618-4560ef5fac2c"))
 *     .mac("52:54:00:7b:35:93").group("web")
 *     .build();
 * }</pre>
 *
 * {@code build()} and {@link #fromXml} check what libvirt's port parser requires (a UUID, an owner
 * with name and UUID, a MAC, a plug that names its device); {@link #validate()} adds what the
 * network driver checks when it creates the port.
 */
@Value.Immutable
public abstract class NetworkPortSpec {
  /** The port's UUID (libvirt requires one). */
  public abstract Optional<String> uuid();

  /** The domain holding the port (libvirt requires its name and UUID). */
  public abstract Optional<NetworkPortOwner> owner();

  /** The network's portgroup the port belongs to. */
  public abstract Optional<String> group();

  /** {@code <mac address='..'/>}: the guest-side MAC (libvirt requires one). */
  public abstract Optional<String> mac();

  public abstract Optional<VirtualPort> virtualport();

  /** Bandwidth, with the active traffic class in {@code classID} and a guaranteed {@code floor} inbound. */
  public abstract Optional<Bandwidth> bandwidth();

  public abstract Optional<Vlan> vlan();

  /** {@code <port isolated='yes'/>}. */
  public abstract Optional<Boolean> portIsolated();

  /** {@code <rxfilters trustGuest='..'/>}: trust the guest's MAC and receive-filter changes. */
  public abstract Optional<Boolean> trustGuestRxFilters();

  public abstract Optional<NetworkPortPlug> plug();

  /** What {@code <networkport>} itself carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's {@code <networkport>} XML; throws {@link InvalidSpecException} naming the field and the rule. */
  public static NetworkPortSpec fromXml(String xml) { return NetworkCodecs.networkPortSpecDocument().parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return NetworkCodecs.networkPortSpecDocument().render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return NetworkCodecs.networkPortSpecDocument().unmodeledPaths(this); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkPortSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /**
   * Checks what the network driver of a real libvirtd refuses when it creates the port, beyond the
   * parser's rules: a {@code <virtualport>} must name its type.
   *
   * @throws InvalidSpecException naming the field and the rule
   */
  public void validate() {
    if (virtualport().isPresent() && virtualport().get().type().isEmpty()) {
      throw new InvalidSpecException("networkport/virtualport/@type", "a network port's virtualport needs a type");
    }
  }

  @Value.Check protected void check() {
    NetCheck.uuid("networkport/uuid", uuid().orElseThrow(() -> new InvalidSpecException("networkport/uuid", "is required")));
    NetworkPortOwner o = owner().orElseThrow(() -> new InvalidSpecException("networkport/owner", "is required (the domain's name and uuid)"));
    if (o.name().isEmpty()) throw new InvalidSpecException("networkport/owner/name", "is required");
    NetCheck.uuid("networkport/owner/uuid", o.uuid().orElseThrow(() -> new InvalidSpecException("networkport/owner/uuid", "is required")));
    NetCheck.mac("networkport/mac/@address", mac().orElseThrow(() -> new InvalidSpecException("networkport/mac/@address", "is required")), true);
    NetCheck.virtualport("networkport/virtualport", virtualport(), false);
    NetCheck.bandwidth("networkport/bandwidth", bandwidth(), true);
    NetCheck.vlan("networkport/vlan", vlan());
  }

  /** The XML, with secrets masked. */
  @Override public String toString() { return NetworkCodecs.networkPortSpecDocument().renderRedacted(this); }

  /** Builds a {@link NetworkPortSpec}; {@code build()} checks libvirt's rules. */
  public static class Builder extends ImmutableNetworkPortSpec.Builder {}
}
