package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <blockers model='Haswell'><feature name='hle'/></blockers>}: the host features a custom CPU model lacks. */
@Value.Immutable
public abstract class DomCapsCpuBlockers {
  public abstract String model();

  public abstract List<String> features();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsCpuBlockers copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsCpuBlockers}. */
  public static class Builder extends ImmutableDomCapsCpuBlockers.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("model", "@model");

    @Override public DomCapsCpuBlockers build() { return REQUIRED.build(super::build); }
  }
}
