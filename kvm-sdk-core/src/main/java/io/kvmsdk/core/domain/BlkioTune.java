package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <blkiotune>}: block I/O weight of the guest, overall and per host device. */
@Value.Immutable
public abstract class BlkioTune {
  /** The {@code <weight>} child. */
  public abstract Optional<Integer> weight();
  /** The {@code <device>} children, in order. */
  public abstract List<BlkioTuneDevice> devices();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** An overall I/O {@code weight} (the kernel accepts 10 to 1000; libvirt checks it at start, not at define). */
  public static BlkioTune ofWeight(int weight) { return builder().weight(weight).build(); }

  /** Derives a changed copy. */
  public BlkioTune copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link BlkioTune}. */
  public static class Builder extends ImmutableBlkioTune.Builder {}
}
