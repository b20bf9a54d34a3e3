package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <mac>} of an interface: the guest-visible MAC address. */
@Value.Immutable
public abstract class NicMac {
  /** The address, such as {@code 52:54:00:12:34:56}. */
  public abstract Optional<String> address();

  /** {@code generated} or {@code static} (keep a VMware-reserved address). */
  public abstract Optional<String> type();

  /** Whether libvirt checks the address against the VMware range. */
  public abstract Optional<Boolean> check();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicMac copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A MAC address as given. */
  public static NicMac of(String address) { return builder().address(address).build(); }

  /** Builds a {@link NicMac}. */
  public static class Builder extends ImmutableNicMac.Builder {}
}
