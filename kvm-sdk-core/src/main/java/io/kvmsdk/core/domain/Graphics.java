package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <graphics>}: a display (VNC, SPICE, SDL, RDP, dbus, egl-headless). */
@Value.Immutable
public abstract class Graphics {
  public abstract Optional<String> type();
  public abstract Optional<Integer> port();
  public abstract Optional<Boolean> autoport();
  public abstract Optional<String> listen();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Graphics copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Graphics}. */
  public static class Builder extends ImmutableGraphics.Builder {}
}
