package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <devices><memory>}: a hot-pluggable memory module (dimm, nvdimm, virtio-pmem, virtio-mem, sgx-epc). */
@Value.Immutable
public abstract class MemoryDevice {
  /** dimm, nvdimm, virtio-pmem, virtio-mem or sgx-epc. */
  public abstract Optional<String> model();

  /** Mapping of the memory: {@code shared} or {@code private}. */
  public abstract Optional<String> access();

  /** Discard the memory content on unplug ({@code discard='yes|no'}, dimm only). */
  public abstract Optional<Boolean> discard();

  /** UUID of an nvdimm module (pSeries). */
  public abstract Optional<String> uuid();

  /** Host memory backing the module ({@code <source>}). */
  public abstract Optional<MemoryDeviceSource> source();

  /** Guest placement and size ({@code <target>}, required). */
  public abstract Optional<MemoryDeviceTarget> target();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** ACPI index of the device ({@code <acpi index='N'/>}). */
  public abstract Optional<Integer> acpiIndex();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <memory model='dimm'>} of {@code size} on guest NUMA node {@code node}. */
  public static MemoryDevice dimm(Size size, int node) { return builder().model("dimm").target(MemoryDeviceTarget.of(size, node)).build(); }

  /** {@code <memory model='nvdimm'>} backed by host {@code path}. */
  public static MemoryDevice nvdimm(String path, Size size) {
    return builder().model("nvdimm").source(MemoryDeviceSource.builder().path(path).build())
        .target(MemoryDeviceTarget.builder().size(size).build()).build();
  }

  /** {@code <memory model='virtio-mem'>} of at most {@code size} on node {@code node}, {@code requested} of it plugged. */
  public static MemoryDevice virtioMem(Size size, int node, Size block, Size requested) {
    return builder().model("virtio-mem")
        .target(MemoryDeviceTarget.builder().size(size).node(node).block(block).requested(requested).build()).build();
  }

  @Value.Check protected void check() {
    if (target().isEmpty()) throw new InvalidSpecException("target", "is required");
    String m = model().orElse("");
    if ((m.equals("nvdimm") || m.equals("virtio-pmem")) && source().flatMap(MemoryDeviceSource::path).isEmpty()) {
      throw new InvalidSpecException("source/path", "is required for a " + m + " memory device");
    }
    uuid().ifPresent(u -> {
      if (!DomainRules.isUuid(u)) throw new InvalidSpecException("uuid", "must be a UUID, got '" + u + "'");
    });
    access().ifPresent(a -> {
      if (!a.equals("shared") && !a.equals("private")) throw new InvalidSpecException("@access", "must be 'shared' or 'private', got '" + a + "'");
    });
  }

  /** Derives a changed copy; this value stays as it is. */
  public MemoryDevice copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemoryDevice}. */
  public static class Builder extends ImmutableMemoryDevice.Builder {}
}
