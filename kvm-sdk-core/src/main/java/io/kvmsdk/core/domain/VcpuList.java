package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <vcpus>}: per-vCPU state for vCPU hotplug. */
@Value.Immutable
public abstract class VcpuList {
  /** The {@code <vcpu>} children, in order. */
  public abstract List<VcpuListEntry> vcpus();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VcpuList copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VcpuList}. */
  public static class Builder extends ImmutableVcpuList.Builder {}
}
