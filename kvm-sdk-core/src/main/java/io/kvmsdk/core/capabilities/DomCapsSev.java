package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <sev supported='yes'>}: AMD SEV support and its parameters. */
@Value.Immutable
public abstract class DomCapsSev {
  public abstract Optional<Boolean> supported();

  public abstract Optional<Integer> cbitpos();

  public abstract Optional<Integer> reducedPhysBits();

  public abstract Optional<Integer> maxGuests();

  public abstract Optional<Integer> maxESGuests();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Whether SEV is reported supported. */
  public boolean isSupported() { return supported().orElse(false); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsSev copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsSev}. */
  public static class Builder extends ImmutableDomCapsSev.Builder {}
}
