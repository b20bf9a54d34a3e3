package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <identity>} of an NFS source: the user and group requests are made as. */
@Value.Immutable
public abstract class DiskIdentity {
  /** User name or {@code +uid}. */
  public abstract Optional<String> user();

  /** Group name or {@code +gid}. */
  public abstract Optional<String> group();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskIdentity copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskIdentity}. */
  public static class Builder extends ImmutableDiskIdentity.Builder {}
}
