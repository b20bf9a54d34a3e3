package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <feature>} in {@code <cpu>}: a CPU flag and whether it is forced, required, optional, disabled or forbidden. */
@Value.Immutable
public abstract class CpuFeature {
  /** The {@code policy} attribute. */
  public abstract Optional<String> policy();
  /** The {@code name} attribute. */
  public abstract Optional<String> name();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  static final java.util.Set<String> POLICIES = java.util.Set.of("force", "require", "optional", "disable", "forbid");

  /** Feature {@code name} with {@code policy} ({@code force}, {@code require}, {@code optional}, {@code disable}, {@code forbid}). */
  public static CpuFeature of(String policy, String name) { return builder().policy(policy).name(name).build(); }

  /** Feature {@code name} required. */
  public static CpuFeature require(String name) { return of("require", name); }

  /** Feature {@code name} disabled. */
  public static CpuFeature disable(String name) { return of("disable", name); }

  @Value.Check protected void check() {
    if (policy().isPresent() && !POLICIES.contains(policy().get())) {
      throw new InvalidSpecException("@policy", "must be one of force, require, optional, disable, forbid, got '" + policy().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public CpuFeature copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuFeature}. */
  public static class Builder extends ImmutableCpuFeature.Builder {}
}
