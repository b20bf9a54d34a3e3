package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Gratuitous ARP / unsolicited NA settings of a VRRP instance: how a new master announces its
 * addresses ({@code garp_master_delay}, {@code garp_master_repeat}, {@code garp_master_refresh},
 * {@code garp_master_refresh_repeat}, {@code garp_lower_prio_delay}, {@code garp_lower_prio_repeat}).
 */
@Value.Immutable
public abstract class Garp {
  /** Seconds after becoming master before the second burst ({@code garp_master_delay}). */
  public abstract Optional<Integer> masterDelay();

  /** Gratuitous ARPs per burst ({@code garp_master_repeat}). */
  public abstract Optional<Integer> masterRepeat();

  /** Seconds between refreshes while master; 0 for none ({@code garp_master_refresh}). */
  public abstract Optional<Integer> masterRefresh();

  /** Gratuitous ARPs per refresh ({@code garp_master_refresh_repeat}). */
  public abstract Optional<Integer> masterRefreshRepeat();

  /** Delay after a lower-priority advert ({@code garp_lower_prio_delay}). */
  public abstract Optional<Integer> lowerPrioDelay();

  /** Gratuitous ARPs sent after a lower-priority advert ({@code garp_lower_prio_repeat}). */
  public abstract Optional<Integer> lowerPrioRepeat();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    nonNegative("garp_master_delay", masterDelay());
    nonNegative("garp_master_repeat", masterRepeat());
    nonNegative("garp_master_refresh", masterRefresh());
    nonNegative("garp_master_refresh_repeat", masterRefreshRepeat());
    nonNegative("garp_lower_prio_delay", lowerPrioDelay());
    nonNegative("garp_lower_prio_repeat", lowerPrioRepeat());
  }

  private static void nonNegative(String field, Optional<Integer> v) {
    if (v.isPresent() && (v.get() < 0 || v.get() > 86400)) throw new InvalidSpecException(field, "must be 0..86400, got " + v.get());
  }

  public static class Builder extends ImmutableGarp.Builder {}
}
