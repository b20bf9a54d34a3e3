package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <mode name='host-model' supported='yes'>}: a guest CPU mode, with its enums, models, vendor and features. */
@Value.Immutable
public abstract class DomCapsCpuMode implements DomCapsWithEnums {
  /** host-passthrough, maximum, host-model or custom. */
  public abstract String name();

  public abstract Optional<Boolean> supported();

  /** E.g. {@code hostPassthroughMigratable}. */
  public abstract List<DomCapsEnum> enums();

  /** The host-model CPU model, or the custom mode's models. */
  public abstract List<DomCapsCpuModel> models();

  public abstract Optional<String> vendor();

  public abstract List<DomCapsCpuFeature> features();

  /** Why custom models are not usable (reported by libvirt releases after 9.0). */
  public abstract List<DomCapsCpuBlockers> blockers();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The (first) model: for host-model, the CPU model a guest gets. */
  public Optional<DomCapsCpuModel> model() { return models().stream().findFirst(); }

  /** The host features custom model {@code model} lacks; empty when none are reported. */
  public List<String> blockersOf(String model) {
    return blockers().stream().filter(x -> x.model().equals(model)).findFirst().map(DomCapsCpuBlockers::features).orElse(List.of());
  }

  /** The models reported usable and not deprecated (for the custom mode). */
  public List<DomCapsCpuModel> usableModels() {
    return models().stream().filter(m -> m.isUsable() && !m.isDeprecated()).collect(java.util.stream.Collectors.toList());
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsCpuMode copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsCpuMode}. */
  public static class Builder extends ImmutableDomCapsCpuMode.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "@name");

    @Override public DomCapsCpuMode build() { return REQUIRED.build(super::build); }
  }
}
