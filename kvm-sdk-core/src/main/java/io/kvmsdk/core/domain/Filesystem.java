package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <filesystem>}: a host directory shared with the guest (virtiofs, 9p). */
@Value.Immutable
public abstract class Filesystem {
  public abstract Optional<String> type();
  public abstract Optional<String> accessmode();
  public abstract Optional<String> model();
  public abstract Optional<String> multidevs();
  public abstract Optional<String> fmode();
  public abstract Optional<String> dmode();
  public abstract Optional<String> alias();
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Filesystem copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Filesystem}. */
  public static class Builder extends ImmutableFilesystem.Builder {}
}
