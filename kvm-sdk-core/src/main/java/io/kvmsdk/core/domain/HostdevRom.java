package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <rom>}: the PCI option ROM of a passed-through device. */
@Value.Immutable
public abstract class HostdevRom {
  /** Whether the ROM BAR is visible ({@code on}/{@code off}). */
  public abstract Optional<Boolean> bar();

  /** ROM image file. */
  public abstract Optional<String> file();

  /** Whether the ROM is present at all. */
  public abstract Optional<Boolean> enabled();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  @Value.Check protected void check() {
    if (enabled().filter(e -> !e).isPresent() && (bar().isPresent() || file().isPresent())) {
      throw new InvalidSpecException(bar().isPresent() ? "@bar" : "@file", "ROM tuning is not supported when the ROM is disabled (enabled='no')");
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public HostdevRom copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link HostdevRom}. */
  public static class Builder extends ImmutableHostdevRom.Builder {}
}
