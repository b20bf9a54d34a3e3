package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code <uid>} or {@code <gid>} in {@code <idmap>}: a range of container ids mapped to host ids. */
@Value.Immutable
public abstract class IdMapRange {
  /** The {@code start} attribute. */
  public abstract Optional<Integer> start();
  /** The {@code target} attribute. */
  public abstract Optional<Integer> target();
  /** The {@code count} attribute. */
  public abstract Optional<Integer> count();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Container ids {@code start}.. mapped to host ids {@code target}.., {@code count} of them. */
  public static IdMapRange of(int start, int target, int count) { return builder().start(start).target(target).count(count).build(); }

  /** Derives a changed copy. */
  public IdMapRange copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link IdMapRange}. */
  public static class Builder extends ImmutableIdMapRange.Builder {}
}
