package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <nat><port start='..' end='..'/>}: the source ports NAT may use. */
@Value.Immutable
public abstract class NetworkNatPort {
  /** First port. */
  public abstract Optional<Integer> start();

  /** Last port, at least start. */
  public abstract Optional<Integer> end();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkNatPort copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The ports {@code start}..{@code end}. */
  public static NetworkNatPort of(int start, int end) { return builder().start(start).end(end).build(); }

  @Value.Check protected void check() {
    if (start().isEmpty()) throw new InvalidSpecException("@start", "is required");
    if (end().isEmpty()) throw new InvalidSpecException("@end", "is required");
    int s = start().get();
    int e = end().get();
    if (s < 0 || s > 65535) throw new InvalidSpecException("@start", "must be a port 0..65535, got " + Integer.toUnsignedString(s));
    if (e < 0 || e > 65535) throw new InvalidSpecException("@end", "must be a port 0..65535, got " + Integer.toUnsignedString(e));
    if (e < s) throw new InvalidSpecException("@end", "must not be below start " + s + " (the range is inverted), got " + e);
  }

  /** Builds a {@link NetworkNatPort}. */
  public static class Builder extends ImmutableNetworkNatPort.Builder {}
}
