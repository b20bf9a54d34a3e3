package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <server path='...'/>}: the ivshmem server socket a shmem device connects to. */
@Value.Immutable
public abstract class ShmemServer {
  /** Absolute socket path; default {@code /var/lib/libvirt/shmem/$shmem-$name-sock}. */
  public abstract Optional<String> path();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public ShmemServer copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link ShmemServer}. */
  public static class Builder extends ImmutableShmemServer.Builder {}
}
