package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <portForward>} of a passt user interface: incoming traffic forwarded to the guest. */
@Value.Immutable
public abstract class NicPortForward {
  /** {@code tcp} or {@code udp}. */
  public abstract Optional<String> proto();

  public abstract Optional<String> address();

  public abstract Optional<String> dev();

  public abstract List<NicPortForwardRange> ranges();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicPortForward copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicPortForward}. */
  public static class Builder extends ImmutableNicPortForward.Builder {}
}
