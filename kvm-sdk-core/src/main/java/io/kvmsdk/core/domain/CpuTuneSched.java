package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code <vcpusched>}, {@code <iothreadsched>} or {@code <emulatorsched>}: the host scheduler policy of some threads. */
@Value.Immutable
public abstract class CpuTuneSched {
  /** The {@code vcpus} attribute. */
  public abstract Optional<String> vcpus();
  /** The {@code iothreads} attribute. */
  public abstract Optional<String> iothreads();
  /** {@code batch}, {@code idle}, {@code fifo} or {@code rr}. */
  public abstract Optional<String> scheduler();
  /** The {@code priority} attribute. */
  public abstract Optional<Integer> priority();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  static final java.util.Set<String> SCHEDULERS = java.util.Set.of("batch", "idle", "fifo", "rr");

  @Value.Check protected void check() {
    CpuSet.check("@vcpus", vcpus());
    CpuSet.check("@iothreads", iothreads());
    if (scheduler().isPresent() && !SCHEDULERS.contains(scheduler().get())) {
      throw new InvalidSpecException("@scheduler", "must be one of batch, idle, fifo, rr, got '" + scheduler().get() + "'");
    }
    if (scheduler().isPresent() && (scheduler().get().equals("fifo") || scheduler().get().equals("rr")) && priority().isEmpty()) {
      throw new InvalidSpecException("@priority", "is required with scheduler '" + scheduler().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public CpuTuneSched copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuTuneSched}. */
  public static class Builder extends ImmutableCpuTuneSched.Builder {}
}
