package io.kvmsdk.core.storage;


import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <refresh>}: how an {@code rbd} pool refreshes its volumes. */
@Value.Immutable
public abstract class PoolRefresh {
  /** {@code <volume allocation=...>}. */
  public abstract Optional<PoolRefreshVolume> volume();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Volumes report their capacity as their allocation ({@code <volume allocation='capacity'/>}): cheap refresh of large rbd pools. */
  public static PoolRefresh volumeAllocationCapacity() {
    return builder().volume(PoolRefreshVolume.builder().allocation("capacity").build()).build();
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolRefresh copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolRefresh}. */
  public static class Builder extends ImmutablePoolRefresh.Builder {}
}
