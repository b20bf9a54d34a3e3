package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <signature family='6' model='142' stepping='12'/>}: the host CPU's identification. */
@Value.Immutable
public abstract class CapsCpuSignature {
  public abstract Optional<Integer> family();

  public abstract Optional<Integer> model();

  public abstract Optional<Integer> stepping();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCpuSignature copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCpuSignature}. */
  public static class Builder extends ImmutableCapsCpuSignature.Builder {}
}
