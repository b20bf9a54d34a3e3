package io.kvmsdk.core.storage;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * {@code <rbd:config_opts>} of an {@code rbd} pool: RADOS configuration overrides, each an
 * {@code <rbd:option name value/>} (namespace {@value StoragePoolSpec#RBD_NAMESPACE}).
 */
@Value.Immutable
public abstract class PoolRbdConfigOptions {
  /** Namespace declarations written on this element itself, prefix to URI. */
  public abstract Map<String, String> namespaces();

  /** The options, in order. */
  public abstract List<PoolRbdConfigOption> options();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolRbdConfigOptions copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolRbdConfigOptions}. */
  public static class Builder extends ImmutablePoolRbdConfigOptions.Builder {}
}
