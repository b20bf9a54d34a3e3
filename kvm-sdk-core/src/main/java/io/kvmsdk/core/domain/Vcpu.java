package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <vcpu>}: the maximum number of virtual CPUs, and how many are online. */
@Value.Immutable
public abstract class Vcpu {
  public abstract Optional<String> placement();
  public abstract Optional<String> cpuset();
  public abstract Optional<Integer> current();
  /** The maximum number of vCPUs (the element's text). */
  public abstract Optional<Integer> count();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Vcpu copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Vcpu}. */
  public static class Builder extends ImmutableVcpu.Builder {}
}
