package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <settings>} of an audio input or output: fixed format. */
@Value.Immutable
public abstract class AudioSettings {
  public abstract Optional<Integer> frequency();

  public abstract Optional<Integer> channels();

  /** s8, u8, s16, u16, s32, u32 or f32. */
  public abstract Optional<String> format();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public AudioSettings copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link AudioSettings}. */
  public static class Builder extends ImmutableAudioSettings.Builder {}
}
