package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <model>} in {@code <cpu>}: the named CPU model and whether libvirt may fall back to another. */
@Value.Immutable
public abstract class CpuModel {
  /** {@code allow} or {@code forbid}. */
  public abstract Optional<String> fallback();
  /** The {@code vendor_id} attribute. */
  public abstract Optional<String> vendorId();
  /** The model name, such as {@code Skylake-Client}. */
  public abstract Optional<String> name();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** The model {@code name}. */
  public static CpuModel of(String name) { return builder().name(name).build(); }

  /** Derives a changed copy. */
  public CpuModel copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuModel}. */
  public static class Builder extends ImmutableCpuModel.Builder {}
}
