package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <gl>} of a graphics device: OpenGL acceleration. */
@Value.Immutable
public abstract class GraphicsGl {
  public abstract Optional<Boolean> enable();

  /** The DRM render node, such as {@code /dev/dri/renderD128}. */
  public abstract Optional<String> rendernode();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public GraphicsGl copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link GraphicsGl}. */
  public static class Builder extends ImmutableGraphicsGl.Builder {}
}
