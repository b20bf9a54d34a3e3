package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <host>} of a network disk source: a server by name and port, or a UNIX socket. */
@Value.Immutable
public abstract class DiskSourceHost {
  /** Host name or address. */
  public abstract Optional<String> name();

  /** TCP port. */
  public abstract Optional<Integer> port();

  /** {@code tcp}, {@code rdma} or {@code unix}. */
  public abstract Optional<String> transport();

  /** Socket path when {@code transport='unix'}. */
  public abstract Optional<String> socket();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskSourceHost copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskSourceHost}. */
  public static class Builder extends ImmutableDiskSourceHost.Builder {}
}
