package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <model>} of a CPU mode: the host-model CPU ({@code fallback}) or a custom model ({@code usable}, {@code deprecated}, {@code vendor}). */
@Value.Immutable
public abstract class DomCapsCpuModel {
  /** The model name (the element's text). */
  public abstract String name();

  public abstract Optional<String> fallback();

  /** yes, no or unknown. */
  public abstract Optional<String> usable();

  public abstract Optional<Boolean> deprecated();

  public abstract Optional<String> vendor();

  /** The versioned model this name stands for (reported by libvirt releases after 9.0). */
  public abstract Optional<String> canonical();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Whether the hypervisor reports this model usable on this host ({@code usable='yes'}). */
  public boolean isUsable() { return usable().equals(Optional.of("yes")); }

  /** Whether the hypervisor marks this model deprecated. */
  public boolean isDeprecated() { return deprecated().orElse(false); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsCpuModel copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsCpuModel}. */
  public static class Builder extends ImmutableDomCapsCpuModel.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "text()");

    @Override public DomCapsCpuModel build() { return REQUIRED.build(super::build); }
  }
}
