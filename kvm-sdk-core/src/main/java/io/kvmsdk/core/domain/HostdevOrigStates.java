package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import org.immutables.value.Value;

/** {@code <origstates>}: the host state of a PCI device libvirt restores on detach (live XML). */
@Value.Immutable
public abstract class HostdevOrigStates {
  /** {@code <unbind/>}: the device was bound to a host driver. */
  @Value.Default public boolean unbind() { return false; }

  /** {@code <removeslot/>}: the slot is removed on detach. */
  @Value.Default public boolean removeslot() { return false; }

  /** {@code <reprobe/>}: the host driver re-probes the device. */
  @Value.Default public boolean reprobe() { return false; }

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public HostdevOrigStates copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link HostdevOrigStates}. */
  public static class Builder extends ImmutableHostdevOrigStates.Builder {}
}
