package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <acceleration>} of a video model. */
@Value.Immutable
public abstract class VideoAcceleration {
  public abstract Optional<Boolean> accel3d();

  public abstract Optional<Boolean> accel2d();

  public abstract Optional<String> rendernode();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VideoAcceleration copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VideoAcceleration}. */
  public static class Builder extends ImmutableVideoAcceleration.Builder {}
}
