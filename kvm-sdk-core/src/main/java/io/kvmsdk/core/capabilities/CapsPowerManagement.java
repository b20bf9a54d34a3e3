package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <power_management>}: the host's suspend capabilities. */
@Value.Immutable
public abstract class CapsPowerManagement {
  @Value.Default public boolean suspendMem() { return false; }

  @Value.Default public boolean suspendDisk() { return false; }

  @Value.Default public boolean suspendHybrid() { return false; }

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsPowerManagement copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsPowerManagement}. */
  public static class Builder extends ImmutableCapsPowerManagement.Builder {}
}
