package io.kvmsdk.core.storage;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <target>} of a pool: where it appears on the host, and the permissions of that directory. */
@Value.Immutable
public abstract class PoolTarget {
  /** {@code <path>}: the directory volumes are created in, or where device nodes appear. */
  public abstract Optional<String> path();

  /** {@code <permissions>}: applied to the directory when the pool is built. */
  public abstract Optional<StoragePermissions> permissions();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The target directory {@code path}. */
  public static PoolTarget of(String path) { return builder().path(path).build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolTarget copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolTarget}. */
  public static class Builder extends ImmutablePoolTarget.Builder {}
}
