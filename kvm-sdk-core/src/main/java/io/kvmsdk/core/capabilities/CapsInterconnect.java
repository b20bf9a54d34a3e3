package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <latency>} or {@code <bandwidth>} of {@code <interconnects>}: a measured NUMA initiator/target figure. */
@Value.Immutable
public abstract class CapsInterconnect {
  public abstract Optional<Integer> initiator();

  public abstract Optional<Integer> target();

  public abstract Optional<Integer> cache();

  public abstract Optional<String> type();

  public abstract Optional<Long> value();

  /** Only on {@code <bandwidth>}. */
  public abstract Optional<String> unit();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsInterconnect copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsInterconnect}. */
  public static class Builder extends ImmutableCapsInterconnect.Builder {}
}
