package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <guest><features>}: optional features guests of this type can use. */
@Value.Immutable
public abstract class CapsGuestFeatures {
  @Value.Default public boolean pae() { return false; }

  @Value.Default public boolean nonpae() { return false; }

  /** {@code <ia64_be/>}. */
  @Value.Default public boolean ia64Be() { return false; }

  public abstract Optional<CapsFeatureToggle> acpi();

  public abstract Optional<CapsFeatureToggle> apic();

  @Value.Default public boolean cpuselection() { return false; }

  @Value.Default public boolean deviceboot() { return false; }

  public abstract Optional<CapsFeatureToggle> disksnapshot();

  public abstract Optional<CapsFeatureToggle> hap();

  /** {@code <externalSnapshot/>} (libvirt 9.3 and later). */
  @Value.Default public boolean externalSnapshot() { return false; }

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsGuestFeatures copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsGuestFeatures}. */
  public static class Builder extends ImmutableCapsGuestFeatures.Builder {}
}
