package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <host>}: the host's UUID, CPU, power management, IOMMU, migration, NUMA topology, caches and security models. */
@Value.Immutable
public abstract class CapsHost {
  public abstract Optional<String> uuid();

  public abstract Optional<CapsHostCpu> cpu();

  public abstract Optional<CapsPowerManagement> powerManagement();

  /** {@code <iommu support='yes'/>}: whether the host has an IOMMU enabled. */
  public abstract Optional<Boolean> iommu();

  public abstract Optional<CapsMigrationFeatures> migrationFeatures();

  public abstract Optional<CapsTopology> topology();

  public abstract Optional<CapsCache> cache();

  public abstract Optional<CapsMemoryBandwidth> memoryBandwidth();

  public abstract List<CapsSecModel> secmodels();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsHost copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsHost}. */
  public static class Builder extends ImmutableCapsHost.Builder {}
}
