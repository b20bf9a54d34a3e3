package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <feature policy='require' name='vmx'/>} of the host-model CPU. */
@Value.Immutable
public abstract class DomCapsCpuFeature {
  public abstract Optional<String> policy();

  public abstract Optional<String> name();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsCpuFeature copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsCpuFeature}. */
  public static class Builder extends ImmutableDomCapsCpuFeature.Builder {}
}
