package io.kvmsdk.core.storage;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * {@code <fs:mount_opts>} of an {@code fs} or {@code netfs} pool: extra {@code mount -o} options, each an
 * {@code <fs:option name=.../>} (namespace {@value StoragePoolSpec#FS_NAMESPACE}).
 */
@Value.Immutable
public abstract class PoolMountOptions {
  /** Namespace declarations written on this element itself, prefix to URI. */
  public abstract Map<String, String> namespaces();

  /** The option names, in order ({@code sync}, {@code lazytime}, ...). */
  public abstract List<String> options();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The mount options {@code options}. */
  public static PoolMountOptions of(String... options) { return builder().options(List.of(options)).build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolMountOptions copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolMountOptions}. */
  public static class Builder extends ImmutablePoolMountOptions.Builder {}
}
