package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <codec>} of a sound device: duplex, micro or output. */
@Value.Immutable
public abstract class SoundCodec {
  public abstract Optional<String> type();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public SoundCodec copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A codec of {@code type}. */
  public static SoundCodec of(String type) { return builder().type(type).build(); }

  /** Builds a {@link SoundCodec}. */
  public static class Builder extends ImmutableSoundCodec.Builder {}
}
