package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <maxphysaddr mode='emulate' bits='39'/>}: the host's physical address size. */
@Value.Immutable
public abstract class CapsCpuMaxPhysAddr {
  public abstract Optional<String> mode();

  public abstract Optional<Integer> bits();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCpuMaxPhysAddr copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCpuMaxPhysAddr}. */
  public static class Builder extends ImmutableCapsCpuMaxPhysAddr.Builder {}
}
