package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <idmap>}: user-namespace id mappings of a container. */
@Value.Immutable
public abstract class IdMap {
  /** The {@code <uid>} children, in order. */
  public abstract List<IdMapRange> uids();
  /** The {@code <gid>} children, in order. */
  public abstract List<IdMapRange> gids();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public IdMap copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link IdMap}. */
  public static class Builder extends ImmutableIdMap.Builder {}
}
