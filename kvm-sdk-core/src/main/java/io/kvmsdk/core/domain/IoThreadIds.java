package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <iothreadids>}: the ids of the guest's I/O threads. */
@Value.Immutable
public abstract class IoThreadIds {
  /** The {@code <iothread>} children, in order. */
  public abstract List<IoThreadIdsEntry> iothreads();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** I/O threads with {@code ids}. */
  public static IoThreadIds of(int... ids) {
    Builder b = builder();
    for (int id : ids) b.addIothread(IoThreadIdsEntry.of(id));
    return b.build();
  }

  @Value.Check protected void check() {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < iothreads().size(); i++) {
      Optional<Integer> id = iothreads().get(i).id();
      if (id.isPresent() && !seen.add(id.get())) {
        throw new InvalidSpecException("iothread[" + (i + 1) + "]/@id", "must be unique, got " + id.get() + " twice");
      }
    }
  }

  /** Derives a changed copy. */
  public IoThreadIds copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link IoThreadIds}. */
  public static class Builder extends ImmutableIoThreadIds.Builder {}
}
