package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cpu>}: CPU model, topology, features and NUMA cells. */
@Value.Immutable
public abstract class Cpu {
  /** {@code custom}, {@code host-model}, {@code host-passthrough} or {@code maximum}. */
  public abstract Optional<String> mode();
  /** {@code minimum}, {@code exact} or {@code strict}. */
  public abstract Optional<String> match();
  /** {@code none}, {@code partial} or {@code full}. */
  public abstract Optional<String> check();
  /** The {@code migratable} attribute. */
  public abstract Optional<Boolean> migratable();
  /** The {@code <model>} child. */
  public abstract Optional<CpuModel> model();
  /** The {@code <vendor>} child. */
  public abstract Optional<String> vendor();
  /** The {@code <topology>} child. */
  public abstract Optional<CpuTopology> topology();
  /** The {@code <cache>} child. */
  public abstract Optional<CpuCache> cache();
  /** The {@code <maxphysaddr>} child. */
  public abstract Optional<CpuMaxPhysAddr> maxphysaddr();
  /** The {@code <feature>} children, in order. */
  public abstract List<CpuFeature> features();
  /** The {@code <numa>} child. */
  public abstract Optional<CpuNuma> numa();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  static final java.util.Set<String> MODES = java.util.Set.of("custom", "host-model", "host-passthrough", "maximum");

  /** The host CPU as is ({@code mode='host-passthrough'}): fastest, but limits migration to identical hosts. */
  public static Cpu hostPassthrough() { return builder().mode("host-passthrough").build(); }

  /** The closest named model to the host CPU ({@code mode='host-model'}). */
  public static Cpu hostModel() { return builder().mode("host-model").build(); }

  /** Everything the hypervisor can emulate ({@code mode='maximum'}). */
  public static Cpu maximum() { return builder().mode("maximum").build(); }

  /** A named model such as {@code Skylake-Client} ({@code mode='custom' match='exact'}). */
  public static Cpu custom(String model) { return builder().mode("custom").match("exact").model(CpuModel.of(model)).build(); }

  /** A copy with {@code topology}. */
  public Cpu withTopology(CpuTopology topology) { return copy(b -> b.topology(topology)); }

  /** A copy with {@code sockets} x {@code cores} x {@code threads}. */
  public Cpu withTopology(int sockets, int cores, int threads) { return withTopology(CpuTopology.of(sockets, cores, threads)); }

  /** A copy with {@code feature} added. */
  public Cpu withFeature(CpuFeature feature) { return copy(b -> b.addFeature(feature)); }

  /**
   * The rules that need the domain's maximum vCPU count (from {@code <vcpu>}): NUMA cells may only
   * hold existing vCPUs. (libvirt 9.0 accepts a topology that does not multiply out to the count,
   * as its own corpus shows, so that is not a rule.) For {@code DomainRules}; paths are absolute.
   */
  void checkVcpuCount(int maxVcpus) {
    if (numa().isPresent()) {
      java.util.List<CpuNumaCell> cells = numa().get().cells();
      for (int i = 0; i < cells.size(); i++) {
        Optional<String> cpus = cells.get(i).cpus();
        if (cpus.isPresent() && CpuSet.parse(cpus.get()).length() > maxVcpus) {
          throw new InvalidSpecException("domain/cpu/numa/cell[" + (i + 1) + "]/@cpus",
              "must name vCPUs below the vCPU count " + maxVcpus + ", got '" + cpus.get() + "'");
        }
      }
    }
  }

  @Value.Check protected void validate() {
    if (mode().isPresent() && !MODES.contains(mode().get())) {
      throw new InvalidSpecException("@mode", "must be one of custom, host-model, host-passthrough, maximum, got '" + mode().get() + "'");
    }
    if (match().isPresent() && !java.util.Set.of("minimum", "exact", "strict").contains(match().get())) {
      throw new InvalidSpecException("@match", "must be one of minimum, exact, strict, got '" + match().get() + "'");
    }
    if (check().isPresent() && !java.util.Set.of("none", "partial", "full").contains(check().get())) {
      throw new InvalidSpecException("@check", "must be one of none, partial, full, got '" + check().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public Cpu copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Cpu}. */
  public static class Builder extends ImmutableCpu.Builder {}
}
