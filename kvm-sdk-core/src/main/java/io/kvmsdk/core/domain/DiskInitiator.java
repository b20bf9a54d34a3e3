package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <initiator>} of an iSCSI source. */
@Value.Immutable
public abstract class DiskInitiator {
  /** {@code <iqn name=''/>}: the initiator IQN. */
  public abstract Optional<String> iqn();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskInitiator copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskInitiator}. */
  public static class Builder extends ImmutableDiskInitiator.Builder {}
}
