package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <networkport><owner>}: the domain that holds the port. */
@Value.Immutable
public abstract class NetworkPortOwner {
  /** The domain's name. */
  public abstract Optional<String> name();

  /** The domain's UUID. */
  public abstract Optional<String> uuid();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkPortOwner copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The domain {@code name} with UUID {@code uuid}. */
  public static NetworkPortOwner of(String name, String uuid) { return builder().name(name).uuid(uuid).build(); }

  /** Builds a {@link NetworkPortOwner}. */
  public static class Builder extends ImmutableNetworkPortOwner.Builder {}
}
