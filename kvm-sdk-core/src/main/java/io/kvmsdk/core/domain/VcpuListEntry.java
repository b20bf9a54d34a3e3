package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <vcpu>} in {@code <vcpus>}: the state of one vCPU (online, hotpluggable, hotplug order). */
@Value.Immutable
public abstract class VcpuListEntry {
  /** The {@code id} attribute. */
  public abstract Optional<Integer> id();
  /** The {@code enabled} attribute. */
  public abstract Optional<Boolean> enabled();
  /** The {@code hotpluggable} attribute. */
  public abstract Optional<Boolean> hotpluggable();
  /** The {@code order} attribute. */
  public abstract Optional<Integer> order();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VcpuListEntry copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VcpuListEntry}. */
  public static class Builder extends ImmutableVcpuListEntry.Builder {}
}
