package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <nvram>}: the per-guest UEFI variable store and the template it is created from. */
@Value.Immutable
public abstract class OsNvram {
  /** The {@code template} attribute. */
  public abstract Optional<String> template();
  /** {@code file}, {@code block} or {@code network} when a {@code <source>} is given. */
  public abstract Optional<String> type();
  /** The absolute path of the variable store. */
  public abstract Optional<String> path();
  /** The {@code <source>} child. */
  public abstract Optional<OsNvramSource> source();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A variable store at {@code path}, created from {@code template} when it does not exist. */
  public static OsNvram of(String path, String template) { return builder().path(path).template(template).build(); }

  /** A variable store created from {@code template} at a path libvirt chooses. */
  public static OsNvram fromTemplate(String template) { return builder().template(template).build(); }

  /** Derives a changed copy. */
  public OsNvram copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsNvram}. */
  public static class Builder extends ImmutableOsNvram.Builder {}
}
