package io.kvmsdk.core.storage;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code <initiator><iqn name=.../></initiator>}: the iSCSI initiator a pool logs in as. The schema allows
 * one {@code <iqn>}; libvirt reads the first when a document carries several, and this keeps them all.
 */
@Value.Immutable
public abstract class PoolSourceInitiator {
  /** The {@code name} of each {@code <iqn>}, in order. */
  public abstract List<String> iqns();

  /** The initiator IQN libvirt uses: the first {@code <iqn name>}. */
  public Optional<String> iqn() { return iqns().stream().findFirst(); }

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The initiator named {@code iqn}. */
  public static PoolSourceInitiator of(String iqn) { return builder().addIqn(iqn).build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolSourceInitiator copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolSourceInitiator}. */
  public static class Builder extends ImmutablePoolSourceInitiator.Builder {}
}
