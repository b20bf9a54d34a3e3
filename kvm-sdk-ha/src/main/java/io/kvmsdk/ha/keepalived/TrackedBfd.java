package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Names;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code track_bfd} entry: a {@link BfdInstance} by name; its session going down puts the instance in FAULT or changes its priority. */
@Value.Immutable
public abstract class TrackedBfd {
  public abstract String name();

  public abstract Optional<Integer> weight();

  public static TrackedBfd of(String name) { return builder().name(name).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.word("track_bfd", name());
    weight().ifPresent(w -> {
      if (w < -253 || w > 253) throw new InvalidSpecException("track_bfd/" + name() + "/weight", "must be -253..253, got " + w);
    });
  }

  @Override public String toString() { return name() + weight().map(w -> " weight " + w).orElse(""); }

  /** Builds a {@link TrackedBfd}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableTrackedBfd.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "track_bfd");

    @Override public TrackedBfd build() { return REQUIRED.build(super::build); }
  }
}
