package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <topology>}: how the vCPUs are arranged in sockets, dies, clusters, cores and threads. */
@Value.Immutable
public abstract class CpuTopology {
  /** The {@code sockets} attribute. */
  public abstract Optional<Integer> sockets();
  /** The {@code dies} attribute. */
  public abstract Optional<Integer> dies();
  /** The {@code clusters} attribute (libvirt 10.1 and later). */
  public abstract Optional<Integer> clusters();
  /** The {@code cores} attribute. */
  public abstract Optional<Integer> cores();
  /** The {@code threads} attribute. */
  public abstract Optional<Integer> threads();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code sockets} x {@code cores} x {@code threads}. */
  public static CpuTopology of(int sockets, int cores, int threads) {
    return builder().sockets(sockets).cores(cores).threads(threads).build();
  }

  /** {@code sockets} x {@code dies} x {@code cores} x {@code threads}. */
  public static CpuTopology of(int sockets, int dies, int cores, int threads) {
    return builder().sockets(sockets).dies(dies).cores(cores).threads(threads).build();
  }

  /** The number of vCPUs this topology describes (absent levels count as 1). */
  public long vcpus() {
    return (long) sockets().orElse(1) * dies().orElse(1) * clusters().orElse(1) * cores().orElse(1) * threads().orElse(1);
  }

  @Value.Check protected void check() {
    positive("sockets", sockets());
    positive("dies", dies());
    positive("clusters", clusters());
    positive("cores", cores());
    positive("threads", threads());
  }

  private static void positive(String name, Optional<Integer> v) {
    if (v.isPresent() && v.get() < 1) {
      throw new InvalidSpecException("@" + name, "must be at least 1, got " + Integer.toUnsignedString(v.get()));
    }
  }

  /** Derives a changed copy. */
  public CpuTopology copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuTopology}. */
  public static class Builder extends ImmutableCpuTopology.Builder {}
}
