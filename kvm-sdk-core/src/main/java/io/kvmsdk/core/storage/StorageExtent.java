package io.kvmsdk.core.storage;


import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** An extent of a device in bytes: a pool device'\''s {@code <freeExtent start end>} or a volume source device'\''s {@code <extent start end>}. */
@Value.Immutable
public abstract class StorageExtent {
  /** First byte. */
  public abstract Optional<Long> start();

  /** End (exclusive), in bytes. */
  public abstract Optional<Long> end();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The extent from byte {@code start} to {@code end}. */
  public static StorageExtent of(long start, long end) { return builder().start(start).end(end).build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public StorageExtent copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link StorageExtent}. */
  public static class Builder extends ImmutableStorageExtent.Builder {}
}
