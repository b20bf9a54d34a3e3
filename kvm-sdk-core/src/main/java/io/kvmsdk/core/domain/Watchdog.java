package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <watchdog>}: a hardware watchdog; needs a watchdog daemon in the guest. */
@Value.Immutable
public abstract class Watchdog {
  /** Emulated device: i6300esb, ib700, diag288. */
  public abstract Optional<String> model();

  /** What happens when it expires: reset (default), shutdown, poweroff, pause, none, dump, inject-nmi. */
  public abstract Optional<String> action();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** ACPI index of the device ({@code <acpi index='N'/>}). */
  public abstract Optional<Integer> acpiIndex();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** The actions libvirt documents for {@code action}. */
  public static final java.util.Set<String> ACTIONS = java.util.Set.of("reset", "shutdown", "poweroff", "pause", "none", "dump", "inject-nmi");

  /** {@code <watchdog model='...' action='...'/>}. */
  public static Watchdog of(String model, String action) { return builder().model(model).action(action).build(); }

  /** {@code <watchdog model='i6300esb'/>}: the recommended PCI watchdog. */
  public static Watchdog i6300esb() { return builder().model("i6300esb").build(); }

  /** This watchdog with expiry action {@code action}. */
  public Watchdog withAction(String action) { return copy(b -> b.action(action)); }

  @Value.Check protected void check() {
    action().ifPresent(a -> {
      if (!ACTIONS.contains(a)) throw new InvalidSpecException("@action", "must be one of reset, shutdown, poweroff, pause, none, dump, inject-nmi; got '" + a + "'");
    });
  }

  /** Derives a changed copy; this value stays as it is. */
  public Watchdog copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Watchdog}. */
  public static class Builder extends ImmutableWatchdog.Builder {}
}
