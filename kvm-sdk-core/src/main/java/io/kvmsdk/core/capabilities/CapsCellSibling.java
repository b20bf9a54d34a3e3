package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <sibling id='1' value='21'/>}: the NUMA distance from a cell to cell {@code id}. */
@Value.Immutable
public abstract class CapsCellSibling {
  public abstract int id();

  public abstract Optional<Integer> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCellSibling copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCellSibling}. */
  public static class Builder extends ImmutableCapsCellSibling.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("id", "@id");

    @Override public CapsCellSibling build() { return REQUIRED.build(super::build); }
  }
}
