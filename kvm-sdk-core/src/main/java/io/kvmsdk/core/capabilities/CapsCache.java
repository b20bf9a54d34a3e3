package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <host><cache>}: the host's cache banks and cache monitoring. */
@Value.Immutable
public abstract class CapsCache {
  public abstract List<CapsCacheBank> banks();

  public abstract Optional<CapsMonitor> monitor();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCache copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCache}. */
  public static class Builder extends ImmutableCapsCache.Builder {}
}
