package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <source>} of an external TPM backend: the unix socket of a swtpm started outside libvirt. */
@Value.Immutable
public abstract class TpmBackendSource {
  /** Socket type, {@code unix}. */
  public abstract Optional<String> type();

  /** {@code connect}. */
  public abstract Optional<String> mode();

  /** Socket path. */
  public abstract Optional<String> path();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <source type='unix' mode='connect' path='...'/>}. */
  public static TpmBackendSource unix(String path) { return builder().type("unix").mode("connect").path(path).build(); }

  /** Derives a changed copy; this value stays as it is. */
  public TpmBackendSource copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link TpmBackendSource}. */
  public static class Builder extends ImmutableTpmBackendSource.Builder {}
}
