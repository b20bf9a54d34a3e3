package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Names;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code track_interface} entry: an interface whose failure puts the instance in FAULT, or
 * (with a weight) changes its priority.
 */
@Value.Immutable
public abstract class TrackedInterface {
  public abstract String name();

  /** Priority change while the interface is down (-253..253); none: FAULT. */
  public abstract Optional<Integer> weight();

  public static TrackedInterface of(String name) { return builder().name(name).build(); }

  public static TrackedInterface of(String name, int weight) { return builder().name(name).weight(weight).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.iface("track_interface", name());
    weight().ifPresent(w -> {
      if (w < -253 || w > 253) throw new InvalidSpecException("track_interface/" + name() + "/weight", "must be -253..253, got " + w);
    });
  }

  @Override public String toString() { return name() + weight().map(w -> " weight " + w).orElse(""); }

  /** Builds a {@link TrackedInterface}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableTrackedInterface.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "track_interface");

    @Override public TrackedInterface build() { return REQUIRED.build(super::build); }
  }
}
