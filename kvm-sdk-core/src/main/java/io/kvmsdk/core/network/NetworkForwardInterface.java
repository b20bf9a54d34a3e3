package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <forward><interface dev='..'/>}: one host interface of the forward pool. */
@Value.Immutable
public abstract class NetworkForwardInterface {
  /** The host network device. */
  public abstract Optional<String> dev();

  /** Live XML only: how many guest interfaces use this device. */
  public abstract Optional<Integer> connections();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkForwardInterface copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The pool interface {@code dev}. */
  public static NetworkForwardInterface of(String dev) { return builder().dev(dev).build(); }

  @Value.Check protected void check() {
    if (dev().isEmpty()) throw new InvalidSpecException("@dev", "is required");
  }

  /** Builds a {@link NetworkForwardInterface}. */
  public static class Builder extends ImmutableNetworkForwardInterface.Builder {}
}
