package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <parameter>} of a filterref: a variable such as {@code IP} passed to the nwfilter. */
@Value.Immutable
public abstract class NicFilterParameter {
  public abstract Optional<String> name();

  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicFilterParameter copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A filter parameter. */
  public static NicFilterParameter of(String name, String value) { return builder().name(name).value(value).build(); }

  /** Builds a {@link NicFilterParameter}. */
  public static class Builder extends ImmutableNicFilterParameter.Builder {}
}
