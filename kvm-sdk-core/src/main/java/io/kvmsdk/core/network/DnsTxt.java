package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <dns><txt name='..' value='..'/>}: a TXT record. */
@Value.Immutable
public abstract class DnsTxt {
  /** Record name (no spaces or commas). */
  public abstract Optional<String> name();

  /** Record value. */
  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public DnsTxt copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The TXT record {@code name}={@code value}. */
  public static DnsTxt of(String name, String value) { return builder().name(name).value(value).build(); }

  @Value.Check protected void check() {
    String n = name().orElseThrow(() -> new InvalidSpecException("@name", "is required"));
    if (n.indexOf(' ') >= 0 || n.indexOf(',') >= 0) throw new InvalidSpecException("@name", "must not contain spaces or commas, got '" + n + "'");
    if (value().isEmpty()) throw new InvalidSpecException("@value", "is required");
  }

  /** Builds a {@link DnsTxt}. */
  public static class Builder extends ImmutableDnsTxt.Builder {}
}
