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

  /** keepalived reads a delay into a timer of µs in 32 bits: at most 4294 s. */
  static final int MAX_DELAY = 4294;

  @Value.Check protected void check() {
    range("garp_master_delay", masterDelay(), 0, MAX_DELAY);
    range("garp_master_repeat", masterRepeat(), 1, 86400);
    range("garp_master_refresh", masterRefresh(), 0, 86400);
    range("garp_master_refresh_repeat", masterRefreshRepeat(), 1, 86400);
    range("garp_lower_prio_delay", lowerPrioDelay(), 0, MAX_DELAY);
    range("garp_lower_prio_repeat", lowerPrioRepeat(), 0, 86400);
  }

  private static void range(String field, Optional<Integer> v, int min, int max) {
    if (v.isPresent() && (v.get() < min || v.get() > max)) throw new InvalidSpecException(field, "must be " + min + ".." + max + " (keepalived -t refuses the rest), got " + v.get());
  }

  public static class Builder extends ImmutableGarp.Builder {}
}
