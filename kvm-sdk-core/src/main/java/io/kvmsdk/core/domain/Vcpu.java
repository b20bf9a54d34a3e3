package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <vcpu>}: the maximum number of virtual CPUs, how many are online, and where they may run. */
@Value.Immutable
public abstract class Vcpu {
  /** {@code static} or {@code auto}. */
  public abstract Optional<String> placement();
  /** The {@code cpuset} attribute. */
  public abstract Optional<String> cpuset();
  /** The {@code current} attribute. */
  public abstract Optional<Integer> current();
  /** The maximum number of vCPUs (the element's text). */
  public abstract Optional<Integer> count();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code count} vCPUs. */
  public static Vcpu of(int count) { return builder().count(count).build(); }

  /** {@code max} vCPUs of which {@code current} are online at boot. */
  public static Vcpu of(int max, int current) { return builder().count(max).current(current).build(); }

  @Value.Check protected void check() {
    CpuSet.check("@cpuset", cpuset());
    if (count().isPresent() && current().isPresent() && Integer.compareUnsigned(current().get(), count().get()) > 0) {
      throw new InvalidSpecException("@current", "must not exceed the maximum of " + count().get() + " vCPUs, got " + Integer.toUnsignedString(current().get()));
    }
    if (placement().isPresent() && !placement().get().equals("static") && !placement().get().equals("auto")) {
      throw new InvalidSpecException("@placement", "must be 'static' or 'auto', got '" + placement().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public Vcpu copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Vcpu}. */
  public static class Builder extends ImmutableVcpu.Builder {}
}
