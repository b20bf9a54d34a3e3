package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <sibling>} in a NUMA cell's {@code <distances>}: the distance to another cell. */
@Value.Immutable
public abstract class CpuNumaCellSibling {
  /** The {@code id} attribute. */
  public abstract Optional<Integer> id();
  /** Between 10 and 255; 10 is the distance of a cell to itself. */
  public abstract Optional<Integer> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** The distance {@code value} to cell {@code id}. */
  public static CpuNumaCellSibling of(int id, int value) { return builder().id(id).value(value).build(); }

  @Value.Check protected void check() {
    if (value().isPresent() && (value().get() < 10 || value().get() > 255)) {
      throw new InvalidSpecException("@value", "must be between 10 and 255, got " + Integer.toUnsignedString(value().get()));
    }
  }

  /** Derives a changed copy. */
  public CpuNumaCellSibling copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuNumaCellSibling}. */
  public static class Builder extends ImmutableCpuNumaCellSibling.Builder {}
}
