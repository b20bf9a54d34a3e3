package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <boot>} of an interface: its place in the boot order. */
@Value.Immutable
public abstract class NicBoot {
  public abstract Optional<Integer> order();

  public abstract Optional<String> loadparm();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicBoot copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicBoot}. */
  public static class Builder extends ImmutableNicBoot.Builder {}
}
