package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <domainsnapshot><memory snapshot='internal|external|no' file='...'/>}. */
@Value.Immutable
public abstract class SnapshotMemory {
  public abstract Optional<String> snapshot();

  public abstract Optional<String> file();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static SnapshotMemory internal() { return builder().snapshot("internal").build(); }

  public static SnapshotMemory none() { return builder().snapshot("no").build(); }

  public static SnapshotMemory external(String file) { return builder().snapshot("external").file(file).build(); }

  public static Builder builder() { return new Builder(); }

  /** Builds a {@link SnapshotMemory}. */
  public static class Builder extends ImmutableSnapshotMemory.Builder {}
}
