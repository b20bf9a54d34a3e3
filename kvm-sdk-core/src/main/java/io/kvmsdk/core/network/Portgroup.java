package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.common.Bandwidth;
import io.kvmsdk.core.common.VirtualPort;
import io.kvmsdk.core.common.Vlan;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <portgroup>}: a class of guest connections to the network, with its own VLAN tags, virtualport profile and bandwidth. */
@Value.Immutable
public abstract class Portgroup {
  public abstract Optional<String> name();

  /** {@code default='yes'}: used by interfaces that name no portgroup. */
  public abstract Optional<Boolean> isDefault();

  public abstract Optional<Boolean> trustGuestRxFilters();

  public abstract Optional<Vlan> vlan();

  public abstract Optional<VirtualPort> virtualport();

  public abstract Optional<Bandwidth> bandwidth();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public Portgroup copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** An empty portgroup named {@code name}. */
  public static Portgroup of(String name) { return builder().name(name).build(); }

  /** A portgroup tagging its guests' traffic with VLAN {@code id}. */
  public static Portgroup vlan(String name, int id) { return builder().name(name).vlan(Vlan.of(id)).build(); }

  /** A portgroup trunking VLANs {@code ids} to its guests. */
  public static Portgroup trunk(String name, int... ids) { return builder().name(name).vlan(Vlan.trunk(ids)).build(); }

  /** This portgroup as the network's default. */
  public Portgroup asDefault() { return copy(b -> b.isDefault(true)); }

  @Value.Check protected void check() {
    if (name().isEmpty()) throw new InvalidSpecException("@name", "is required");
    NetCheck.vlan("vlan", vlan());
    NetCheck.virtualport("virtualport", virtualport(), false);
    NetCheck.bandwidth("bandwidth", bandwidth(), false);
  }

  /** Builds a {@link Portgroup}. */
  public static class Builder extends ImmutablePortgroup.Builder {}
}
