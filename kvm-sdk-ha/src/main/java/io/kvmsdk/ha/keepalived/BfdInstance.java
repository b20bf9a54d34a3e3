package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code bfd_instance}: a BFD session keepalived runs with a neighbour, so a VRRP instance that
 * tracks it ({@code track_bfd}) notices a dead peer in {@code min_rx × multiplier} instead of three
 * adverts.
 */
@Value.Immutable
public abstract class BfdInstance {
  public abstract String name();

  public abstract String neighborIp();

  public abstract Optional<String> sourceIp();

  /** Required minimum receive interval, milliseconds. */
  public abstract Optional<Integer> minRx();

  /** Desired minimum transmit interval, milliseconds. */
  public abstract Optional<Integer> minTx();

  /** Transmit interval while the session is down, milliseconds. */
  public abstract Optional<Integer> idleTx();

  /** Missed packets before the session is declared down. */
  public abstract Optional<Integer> multiplier();

  public abstract List<KeepalivedStatement> unmodeled();

  /** keepalived's longest BFD instance name ({@code BFD_INAME_MAX}). */
  public static final int MAX_NAME = 31;

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    String at = "bfd_instance " + name();
    Names.word("bfd_instance", name());
    if (name().length() > MAX_NAME) throw new InvalidSpecException("bfd_instance", "a name of at most " + MAX_NAME + " characters (keepalived: BFD name too long), got '" + name() + "'");
    boolean v4 = Inet.address(neighborIp(), at + "/neighbor_ip").isV4();
    sourceIp().ifPresent(s -> {
      if (Inet.address(s, at + "/source_ip").isV4() != v4) throw new InvalidSpecException(at + "/source_ip", "must be of neighbor_ip's family (keepalived disables the instance), got " + s);
    });
    range(at + "/min_rx", minRx(), 1, 1000);
    range(at + "/min_tx", minTx(), 1, 1000);
    range(at + "/idle_tx", idleTx(), 1, 1000);
    range(at + "/multiplier", multiplier(), 1, 10);
  }

  private static void range(String field, Optional<Integer> v, int min, int max) {
    if (v.isPresent() && (v.get() < min || v.get() > max)) throw new InvalidSpecException(field, "must be " + min + ".." + max + ", got " + v.get());
  }

  @Override public String toString() { return io.kvmsdk.ha.internal.KeepalivedCodec.render(this, false); }

  /** Builds a {@link BfdInstance}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableBfdInstance.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "bfd_instance", "neighborIp", "bfd_instance/neighbor_ip");

    @Override public BfdInstance build() { return REQUIRED.build(super::build); }
  }
}
