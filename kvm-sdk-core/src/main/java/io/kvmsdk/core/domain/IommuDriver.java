package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <driver>} of an IOMMU: interrupt remapping, caching mode, EIM, IOTLB and address width. */
@Value.Immutable
public abstract class IommuDriver {
  /** Interrupt remapping ({@code intremap='on|off'}); needs a split I/O APIC. */
  public abstract Optional<Boolean> intremap();

  /** VT-d caching mode ({@code caching_mode='on|off'}). */
  public abstract Optional<Boolean> cachingMode();

  /** Extended Interrupt Mode ({@code eim='on|off'}). */
  public abstract Optional<Boolean> eim();

  /** Device IOTLB ({@code iotlb='on|off'}). */
  public abstract Optional<Boolean> iotlb();

  /** Address width in bits ({@code aw_bits}, 0-255). */
  public abstract Optional<Integer> awBits();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public IommuDriver copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link IommuDriver}. */
  public static class Builder extends ImmutableIommuDriver.Builder {}
}
