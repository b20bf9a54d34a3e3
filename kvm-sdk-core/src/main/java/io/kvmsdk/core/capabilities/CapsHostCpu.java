package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <host><cpu>}: the host CPU's architecture, model, topology, features and page sizes. */
@Value.Immutable
public abstract class CapsHostCpu {
  public abstract Optional<String> arch();

  /** The legacy {@code <features>} element (marker features such as {@code <pae/>}). */
  public abstract Optional<CapsHostCpuFeatureFlags> featureFlags();

  public abstract Optional<String> model();

  public abstract Optional<String> vendor();

  /** The {@code version} of {@code <microcode>}. */
  public abstract Optional<Integer> microcode();

  public abstract Optional<CapsCpuSignature> signature();

  public abstract Optional<CapsCpuCounter> counter();

  public abstract Optional<CapsCpuTopology> topology();

  public abstract Optional<CapsCpuMaxPhysAddr> maxphysaddr();

  /** The names of the CPU features ({@code <feature name='vmx'/>}). */
  public abstract List<String> features();

  /** The page sizes the host supports. */
  public abstract List<CapsPages> pages();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Whether the host CPU reports feature {@code name} (e.g. {@code vmx}, {@code svm}). */
  public boolean hasFeature(String name) { return features().contains(name); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsHostCpu copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsHostCpu}. */
  public static class Builder extends ImmutableCapsHostCpu.Builder {}
}
