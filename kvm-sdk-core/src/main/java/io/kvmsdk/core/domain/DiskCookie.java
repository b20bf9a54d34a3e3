package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cookie>}: an HTTP cookie sent to the server; its value is a secret and never printed. */
@Value.Immutable
public abstract class DiskCookie {
  /** Cookie name. */
  public abstract Optional<String> name();

  /** Cookie value. */
  @Value.Redacted
  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskCookie copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskCookie}. */
  public static class Builder extends ImmutableDiskCookie.Builder {}
}
