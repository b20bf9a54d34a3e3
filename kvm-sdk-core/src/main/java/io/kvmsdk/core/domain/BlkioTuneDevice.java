package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <device>} in {@code <blkiotune>}: weight and throttles for one host block device. */
@Value.Immutable
public abstract class BlkioTuneDevice {
  /** The {@code <path>} child. */
  public abstract Optional<String> path();
  /** The {@code <weight>} child. */
  public abstract Optional<Integer> weight();
  /** The {@code <read_iops_sec>} child. */
  public abstract Optional<Long> readIopsSec();
  /** The {@code <write_iops_sec>} child. */
  public abstract Optional<Long> writeIopsSec();
  /** The {@code <read_bytes_sec>} child. */
  public abstract Optional<Long> readBytesSec();
  /** The {@code <write_bytes_sec>} child. */
  public abstract Optional<Long> writeBytesSec();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public BlkioTuneDevice copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link BlkioTuneDevice}. */
  public static class Builder extends ImmutableBlkioTuneDevice.Builder {}
}
