package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <cpu>} of domain capabilities: the guest CPU modes and what each offers. */
@Value.Immutable
public abstract class DomCapsCpu {
  public abstract List<DomCapsCpuMode> modes();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The mode named {@code name} (host-passthrough, maximum, host-model, custom). */
  public Optional<DomCapsCpuMode> mode(String name) { return modes().stream().filter(m -> m.name().equals(name)).findFirst(); }

  /** Whether mode {@code name} is reported with {@code supported='yes'}. */
  public boolean supports(String name) { return mode(name).map(DomCapsCpuMode::isSupported).orElse(false); }

  public Optional<DomCapsCpuMode> hostPassthrough() { return mode("host-passthrough"); }

  public Optional<DomCapsCpuMode> maximum() { return mode("maximum"); }

  public Optional<DomCapsCpuMode> hostModel() { return mode("host-model"); }

  public Optional<DomCapsCpuMode> custom() { return mode("custom"); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsCpu copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsCpu}. */
  public static class Builder extends ImmutableDomCapsCpu.Builder {}
}
