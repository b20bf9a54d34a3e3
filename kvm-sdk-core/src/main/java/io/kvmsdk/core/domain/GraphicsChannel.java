package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <channel>} of a SPICE display: the security mode of one channel. */
@Value.Immutable
public abstract class GraphicsChannel {
  /** main, display, inputs, cursor, playback, record, smartcard or usbredir. */
  public abstract Optional<String> name();

  /** {@code any}, {@code secure} or {@code insecure}. */
  public abstract Optional<String> mode();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public GraphicsChannel copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Channel {@code name} in {@code mode}. */
  public static GraphicsChannel of(String name, String mode) { return builder().name(name).mode(mode).build(); }

  /** Builds a {@link GraphicsChannel}. */
  public static class Builder extends ImmutableGraphicsChannel.Builder {}
}
