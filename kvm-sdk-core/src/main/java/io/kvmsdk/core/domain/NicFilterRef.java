package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <filterref>} of an interface: the nwfilter applied to its traffic. */
@Value.Immutable
public abstract class NicFilterRef {
  public abstract Optional<String> filter();

  public abstract List<NicFilterParameter> parameters();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicFilterRef copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A reference to filter {@code name}. */
  public static NicFilterRef of(String filter) { return builder().filter(filter).build(); }

  /** Builds a {@link NicFilterRef}. */
  public static class Builder extends ImmutableNicFilterRef.Builder {}
}
