package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <source>} of a snapshot disk: a file, a block device, or a network volume with its hosts. */
@Value.Immutable
public abstract class SnapshotDiskSource {
  public abstract Optional<String> file();

  public abstract Optional<String> dev();

  public abstract Optional<String> protocol();

  public abstract Optional<String> name();

  public abstract List<SnapshotDiskSourceHost> hosts();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Builds a {@link SnapshotDiskSource}. */
  public static class Builder extends ImmutableSnapshotDiskSource.Builder {}
}
