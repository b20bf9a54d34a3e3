package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <bridge>}: the host bridge of the network: its name, STP, forward delay, firewalld zone and who manages its MAC table. */
@Value.Immutable
public abstract class NetworkBridge {
  /** Bridge device name (libvirt generates virbrN for nat/route/open/isolated networks when absent). */
  public abstract Optional<String> name();

  /** firewalld zone of the bridge. */
  public abstract Optional<String> zone();

  /** Spanning Tree Protocol on ({@code stp='on'}); libvirt reads any value but off as on. */
  public abstract Optional<Boolean> stp();

  /** Forward delay in seconds. */
  public abstract Optional<Long> delay();

  /** {@code kernel} or {@code libvirt}. */
  public abstract Optional<String> macTableManager();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkBridge copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The bridge named {@code name}. */
  public static NetworkBridge named(String name) { return builder().name(name).build(); }

  @Value.Check protected void check() {
    if (macTableManager().isPresent() && !Set.of("kernel", "libvirt").contains(macTableManager().get())) {
      throw new InvalidSpecException("@macTableManager", "must be kernel or libvirt, got '" + macTableManager().get() + "'");
    }
  }

  /** Builds a {@link NetworkBridge}. */
  public static class Builder extends ImmutableNetworkBridge.Builder {}
}
