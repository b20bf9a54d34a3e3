package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <iothreadpin>}: the host CPUs one I/O thread may run on. */
@Value.Immutable
public abstract class CpuTuneIoThreadPin {
  /** The {@code iothread} attribute. */
  public abstract Optional<Integer> iothread();
  /** The {@code cpuset} attribute. */
  public abstract Optional<String> cpuset();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** I/O thread {@code iothread} pinned to host CPUs {@code cpuset}. */
  public static CpuTuneIoThreadPin of(int iothread, String cpuset) { return builder().iothread(iothread).cpuset(cpuset).build(); }

  @Value.Check protected void check() {
    CpuSet.check("@cpuset", cpuset());
  }

  /** Derives a changed copy. */
  public CpuTuneIoThreadPin copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuTuneIoThreadPin}. */
  public static class Builder extends ImmutableCpuTuneIoThreadPin.Builder {}
}
