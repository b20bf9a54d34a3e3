package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <resource>}: the resource partition (cgroup) the guest is placed in. */
@Value.Immutable
public abstract class Resource {
  /** The {@code <partition>} child, such as {@code /machine}. */
  public abstract Optional<String> partition();
  /** The {@code appid} of {@code <fibrechannel>}: a Fibre Channel application id. */
  public abstract Optional<String> fibrechannel();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Placed in partition {@code path}. */
  public static Resource partition(String path) { return builder().partition(path).build(); }

  /** Derives a changed copy. */
  public Resource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Resource}. */
  public static class Builder extends ImmutableResource.Builder {}
}
