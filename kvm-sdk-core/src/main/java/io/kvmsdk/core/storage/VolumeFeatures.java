package io.kvmsdk.core.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Set;
import org.immutables.value.Value;

/** {@code <features>} of a qcow2 volume target: {@code <lazy_refcounts/>}, {@code <extended_l2/>}. Its presence implies compat 1.1. */
@Value.Immutable
public abstract class VolumeFeatures {
  /** {@code <lazy_refcounts/>}: delay reference count updates. */
  @Value.Default public boolean lazyRefcounts() { return false; }

  /** {@code <extended_l2/>}: subcluster allocation (32 subclusters per cluster). */
  @Value.Default public boolean extendedL2() { return false; }

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  private static final Set<String> KNOWN = Set.of("lazy_refcounts", "extended_l2");

  @Value.Check protected void check() {
    // libvirt: virStorageVolDefParseXML, virStorageFileFeatureTypeFromString
    for (Unmodeled.Element e : unmodeled().elements()) {
      if (!KNOWN.contains(e.element().name())) {
        throw new InvalidSpecException(e.element().name(), "unsupported feature: libvirt knows " + KNOWN.stream().sorted().toList());
      }
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public VolumeFeatures copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VolumeFeatures}. */
  public static class Builder extends ImmutableVolumeFeatures.Builder {}
}
