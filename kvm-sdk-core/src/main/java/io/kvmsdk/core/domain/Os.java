package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <os>}: how the guest boots (BIOS, UEFI loader and NVRAM, direct kernel boot). */
@Value.Immutable
public abstract class Os {
  public abstract Optional<String> firmware();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Os copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Os}. */
  public static class Builder extends ImmutableOs.Builder {}
}
