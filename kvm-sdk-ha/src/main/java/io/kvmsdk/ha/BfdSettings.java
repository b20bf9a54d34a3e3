package io.kvmsdk.ha;

import io.kvmsdk.core.InvalidSpecException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * BFD for a {@link VipGroup}: every node runs a {@code bfd_instance} to each peer and its VRRP
 * instance tracks them ({@code track_bfd}); a session that goes down (no packet for
 * {@code minRx × multiplier}) puts the instance in FAULT, or changes its priority by {@link #weight()}.
 */
@Value.Immutable
public abstract class BfdSettings {
  /** Required minimum receive interval in ms (keepalived's default 10). */
  @Value.Default public int minRx() { return 10; }

  /** Desired minimum transmit interval in ms (default 10). */
  @Value.Default public int minTx() { return 10; }

  /** Missed packets before the session is down (default 3). */
  @Value.Default public int multiplier() { return 3; }

  /** Priority change while a session is down; none: FAULT. */
  public abstract Optional<Integer> weight();

  public static BfdSettings defaults() { return builder().build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (minRx() < 1 || minRx() > 1000) throw new InvalidSpecException("bfd/min_rx", "must be 1..1000 ms, got " + minRx());
    if (minTx() < 1 || minTx() > 1000) throw new InvalidSpecException("bfd/min_tx", "must be 1..1000 ms, got " + minTx());
    if (multiplier() < 1 || multiplier() > 10) throw new InvalidSpecException("bfd/multiplier", "must be 1..10, got " + multiplier());
    weight().ifPresent(w -> {
      if (w < -253 || w > 253) throw new InvalidSpecException("bfd/weight", "must be -253..253, got " + w);
    });
  }

  public static class Builder extends ImmutableBfdSettings.Builder {}
}
