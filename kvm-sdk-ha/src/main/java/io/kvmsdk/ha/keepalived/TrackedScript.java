package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Names;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code track_script} entry: a {@link VrrpScript} by name, with an optional weight overriding the script's. */
@Value.Immutable
public abstract class TrackedScript {
  public abstract String name();

  public abstract Optional<Integer> weight();

  public static TrackedScript of(String name) { return builder().name(name).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.word("track_script", name());
    weight().ifPresent(w -> {
      if (w < -253 || w > 253) throw new InvalidSpecException("track_script/" + name() + "/weight", "must be -253..253, got " + w);
    });
  }

  @Override public String toString() { return name() + weight().map(w -> " weight " + w).orElse(""); }

  /** Builds a {@link TrackedScript}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableTrackedScript.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "track_script");

    @Override public TrackedScript build() { return REQUIRED.build(super::build); }
  }
}
