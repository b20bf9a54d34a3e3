package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <timer>} in {@code <clock>}: one guest time source (rtc, pit, hpet, kvmclock, ...). */
@Value.Immutable
public abstract class ClockTimer {
  /** The {@code name} attribute. */
  public abstract Optional<String> name();
  /** The {@code present} attribute. */
  public abstract Optional<Boolean> present();
  /** The {@code tickpolicy} attribute. */
  public abstract Optional<String> tickpolicy();
  /** The {@code track} attribute. */
  public abstract Optional<String> track();
  /** The {@code frequency} attribute. */
  public abstract Optional<Long> frequency();
  /** The {@code mode} attribute. */
  public abstract Optional<String> mode();
  /** The {@code <catchup>} child. */
  public abstract Optional<ClockTimerCatchup> catchup();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  static final java.util.Set<String> NAMES = java.util.Set.of("platform", "rtc", "tsc", "hpet", "pit", "kvmclock", "hypervclock", "armvtimer");
  static final java.util.Set<String> TICK_POLICIES = java.util.Set.of("delay", "catchup", "merge", "discard");
  static final java.util.Set<String> TRACKS = java.util.Set.of("boot", "guest", "wall", "realtime");
  static final java.util.Set<String> MODES = java.util.Set.of("auto", "native", "emulate", "paravirt", "smpsafe");

  /** Timer {@code name} with the hypervisor defaults. */
  public static ClockTimer of(String name) { return builder().name(name).build(); }

  /** Timer {@code name} with {@code tickpolicy} ({@code delay}, {@code catchup}, {@code merge}, {@code discard}). */
  public static ClockTimer of(String name, String tickpolicy) { return builder().name(name).tickpolicy(tickpolicy).build(); }

  /** Timer {@code name} made available to the guest or hidden from it. */
  public static ClockTimer present(String name, boolean present) { return builder().name(name).present(present).build(); }

  @Value.Check protected void check() {
    if (name().isPresent() && !NAMES.contains(name().get())) {
      throw new InvalidSpecException("@name", "must be one of platform, rtc, tsc, hpet, pit, kvmclock, hypervclock, armvtimer, got '" + name().get() + "'");
    }
    if (tickpolicy().isPresent() && !TICK_POLICIES.contains(tickpolicy().get())) {
      throw new InvalidSpecException("@tickpolicy", "must be one of delay, catchup, merge, discard, got '" + tickpolicy().get() + "'");
    }
    if (track().isPresent() && !TRACKS.contains(track().get())) {
      throw new InvalidSpecException("@track", "must be one of boot, guest, wall, realtime, got '" + track().get() + "'");
    }
    if (mode().isPresent() && !MODES.contains(mode().get())) {
      throw new InvalidSpecException("@mode", "must be one of auto, native, emulate, paravirt, smpsafe, got '" + mode().get() + "'");
    }
    if (catchup().isPresent() && !tickpolicy().equals(Optional.of("catchup"))) {
      throw new InvalidSpecException("catchup", "is only allowed with tickpolicy='catchup', got tickpolicy '" + tickpolicy().orElse("") + "'");
    }
  }

  /** Derives a changed copy. */
  public ClockTimer copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link ClockTimer}. */
  public static class Builder extends ImmutableClockTimer.Builder {}
}
