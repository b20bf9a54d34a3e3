package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <target>} of a PCI controller. */
@Value.Immutable
public abstract class ControllerTarget {
  /** Chassis number (pci-bridge). */
  public abstract Optional<Integer> chassisNr();

  /** Chassis (pcie-root-port, pcie-switch-downstream-port). */
  public abstract Optional<Integer> chassis();

  /** Port, as written ({@code 0x10}). */
  public abstract Optional<String> port();

  /** First bus number (pci-expander-bus, pcie-expander-bus). */
  public abstract Optional<Integer> busNr();

  /** PCI host bridge index (spapr-pci-host-bridge). */
  public abstract Optional<Integer> index();

  /** Whether hotplug is enabled on this port ({@code on}/{@code off}). */
  public abstract Optional<Boolean> hotplug();

  /** Memory reserved for hotplugged devices, in KiB. */
  public abstract Optional<Long> memReserve();

  /** {@code <node>}: the guest NUMA node of an expander bus. */
  public abstract Optional<Integer> node();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  @Value.Check protected void check() {
    range("@chassisNr", chassisNr(), 1, 255);
    range("@chassis", chassis(), 0, 255);
    range("@busNr", busNr(), 1, 254);
    if (port().isPresent()) {
      long p;
      try {
        String s = port().get().trim();
        p = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new InvalidSpecException("@port", "must be a number 0-255, got '" + port().get() + "'");
      }
      if (p < 0 || p > 255) throw new InvalidSpecException("@port", "must be 0-255, got '" + port().get() + "'");
    }
  }

  private static void range(String field, Optional<Integer> v, int min, int max) {
    if (v.isPresent() && (v.get() < min || v.get() > max)) {
      throw new InvalidSpecException(field, "must be " + min + "-" + max + ", got " + Integer.toUnsignedString(v.get()));
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public ControllerTarget copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link ControllerTarget}. */
  public static class Builder extends ImmutableControllerTarget.Builder {}
}
