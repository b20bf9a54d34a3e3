package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <resolution>} of a video model: the minimum resolution. */
@Value.Immutable
public abstract class VideoResolution {
  public abstract Optional<Integer> x();

  public abstract Optional<Integer> y();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VideoResolution copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VideoResolution}. */
  public static class Builder extends ImmutableVideoResolution.Builder {}
}
