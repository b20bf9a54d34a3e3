package io.kvmsdk.core.storage;


import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <timestamps>} of a volume or backing store (output only): seconds since the epoch, with optional nanoseconds, as libvirt writes them. */
@Value.Immutable
public abstract class VolumeTimestamps {
  /** Last access. */
  public abstract Optional<String> atime();

  /** Birth (creation). */
  public abstract Optional<String> btime();

  /** Last status change. */
  public abstract Optional<String> ctime();

  /** Last modification. */
  public abstract Optional<String> mtime();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public VolumeTimestamps copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VolumeTimestamps}. */
  public static class Builder extends ImmutableVolumeTimestamps.Builder {}
}
