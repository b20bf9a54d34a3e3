package io.kvmsdk.core.domain;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <source>} of a memory device: host page size and NUMA nodes, or the backing path of an nvdimm / virtio-pmem. */
@Value.Immutable
public abstract class MemoryDeviceSource {
  /** Host page size backing the module ({@code <pagesize>}). */
  public abstract Optional<Size> pagesize();

  /** Host NUMA nodes to allocate from ({@code <nodemask>1-3</nodemask>}). */
  public abstract Optional<String> nodemask();

  /** Host path backing an nvdimm or virtio-pmem ({@code <path>}). */
  public abstract Optional<String> path();

  /** Alignment of the mmap of {@code path} ({@code <alignsize>}). */
  public abstract Optional<Size> alignsize();

  /** The backing path is real persistent memory ({@code <pmem/>}). */
  @Value.Default public boolean pmem() { return false; }

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public MemoryDeviceSource copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemoryDeviceSource}. */
  public static class Builder extends ImmutableMemoryDeviceSource.Builder {}
}
