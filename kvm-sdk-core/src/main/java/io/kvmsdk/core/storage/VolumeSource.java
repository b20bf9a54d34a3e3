package io.kvmsdk.core.storage;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <source>} of a volume (output only; libvirt ignores it on input): the devices it occupies. */
@Value.Immutable
public abstract class VolumeSource {
  public abstract List<VolumeSourceDevice> devices();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public VolumeSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VolumeSource}. */
  public static class Builder extends ImmutableVolumeSource.Builder {}
}
