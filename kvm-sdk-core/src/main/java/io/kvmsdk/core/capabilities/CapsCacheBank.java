package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <bank id='0' level='3' type='both' size='20' unit='MiB' cpus='0-7'/>}: a host cache bank. */
@Value.Immutable
public abstract class CapsCacheBank {
  public abstract Optional<Integer> id();

  public abstract Optional<Integer> level();

  public abstract Optional<String> type();

  public abstract Optional<Long> size();

  public abstract Optional<String> unit();

  /** The CPUs sharing this bank, as a cpuset. */
  public abstract Optional<String> cpus();

  public abstract List<CapsControl> controls();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The bank size as a {@link Size}, if both size and unit are known. */
  public Optional<Size> bankSize() {
    return size().isPresent() && unit().isPresent() && Size.isUnit(unit().get()) ? Optional.of(Size.of(size().get(), unit().get())) : Optional.empty();
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCacheBank copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCacheBank}. */
  public static class Builder extends ImmutableCapsCacheBank.Builder {}
}
