package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <rom>} of an interface: the PCI option ROM. */
@Value.Immutable
public abstract class NicRom {
  public abstract Optional<Boolean> enabled();

  /** Whether the ROM BAR is visible ({@code on}/{@code off}). */
  public abstract Optional<Boolean> bar();

  public abstract Optional<String> file();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicRom copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicRom}. */
  public static class Builder extends ImmutableNicRom.Builder {}
}
