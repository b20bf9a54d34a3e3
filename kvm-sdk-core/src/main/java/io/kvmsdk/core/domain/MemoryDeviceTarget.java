package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <target>} of a memory device: its size and placement in the guest. */
@Value.Immutable
public abstract class MemoryDeviceTarget {
  /** Size of the module (required, positive); the maximum for virtio-mem. */
  public abstract Optional<Size> size();

  /** Guest NUMA node ({@code <node>}). */
  public abstract Optional<Integer> node();

  /** Namespace label area of an nvdimm ({@code <label><size/></label>}). */
  public abstract Optional<MemoryDeviceLabel> label();

  /** The nvdimm is read-only ({@code <readonly/>}). */
  @Value.Default public boolean readonly() { return false; }

  /** virtio-mem block size ({@code <block>}). */
  public abstract Optional<Size> block();

  /** virtio-mem size plugged into the guest ({@code <requested>}). */
  public abstract Optional<Size> requested();

  /** Output only: virtio-mem size the guest uses ({@code <current>}). */
  public abstract Optional<Size> current();

  /** Guest physical base address of a virtio-mem / virtio-pmem ({@code <address base='0x...'/>}). */
  public abstract Optional<Long> addressBase();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <target><size>..</size><node>N</node></target>}. */
  public static MemoryDeviceTarget of(Size size, int node) { return builder().size(size).node(node).build(); }

  @Value.Check protected void check() {
    if (size().isEmpty()) throw new InvalidSpecException("size", "is required");
    if (requested().isPresent() && requested().get().bytes() > size().get().bytes()) {
      throw new InvalidSpecException("requested", "must not exceed size (" + size().get() + "), got " + requested().get());
    }
    block().ifPresent(b -> {
      if (b.bytes() <= 0 || Long.bitCount(b.bytes()) != 1) throw new InvalidSpecException("block", "must be a power of two, got " + b);
    });
  }

  /** Derives a changed copy; this value stays as it is. */
  public MemoryDeviceTarget copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemoryDeviceTarget}. */
  public static class Builder extends ImmutableMemoryDeviceTarget.Builder {}
}
