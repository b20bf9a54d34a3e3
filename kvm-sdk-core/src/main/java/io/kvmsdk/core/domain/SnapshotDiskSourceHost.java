package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <host name='..' port='..' transport='..' socket='..'/>} of a network snapshot source. */
@Value.Immutable
public abstract class SnapshotDiskSourceHost {
  public abstract Optional<String> name();

  public abstract Optional<Integer> port();

  public abstract Optional<String> transport();

  public abstract Optional<String> socket();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Builds a {@link SnapshotDiskSourceHost}. */
  public static class Builder extends ImmutableSnapshotDiskSourceHost.Builder {}
}
