package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <source>} in {@code <nvram>}: where a non-file NVRAM store lives (file, block device or network). */
@Value.Immutable
public abstract class OsNvramSource {
  /** The {@code file} attribute. */
  public abstract Optional<String> file();
  /** The {@code dev} attribute. */
  public abstract Optional<String> dev();
  /** The {@code protocol} attribute. */
  public abstract Optional<String> protocol();
  /** The {@code name} attribute. */
  public abstract Optional<String> name();
  /** The {@code tls} attribute. */
  public abstract Optional<Boolean> tls();
  /** The {@code <host>} children, in order. */
  public abstract List<OsNvramSourceHost> hosts();
  /** The {@code <auth>} child. */
  public abstract Optional<OsNvramSourceAuth> auth();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public OsNvramSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsNvramSource}. */
  public static class Builder extends ImmutableOsNvramSource.Builder {}
}
