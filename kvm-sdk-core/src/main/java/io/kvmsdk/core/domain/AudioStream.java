package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <input>} or {@code <output>} of an audio backend: per-direction settings. */
@Value.Immutable
public abstract class AudioStream {
  public abstract Optional<Boolean> mixingEngine();

  public abstract Optional<Boolean> fixedSettings();

  public abstract Optional<Integer> voices();

  /** Microseconds. */
  public abstract Optional<Integer> bufferLength();

  /** alsa/oss host device. */
  public abstract Optional<String> dev();

  /** coreaudio/oss/sdl. */
  public abstract Optional<Integer> bufferCount();

  /** jack. */
  public abstract Optional<String> serverName();

  /** jack. */
  public abstract Optional<String> clientName();

  /** jack. */
  public abstract Optional<String> connectPorts();

  /** jack. */
  public abstract Optional<Boolean> exactName();

  /** oss. */
  public abstract Optional<Boolean> tryPoll();

  /** pulseaudio sink/source. */
  public abstract Optional<String> name();

  /** pulseaudio. */
  public abstract Optional<String> streamName();

  /** pulseaudio, microseconds. */
  public abstract Optional<Integer> latency();

  public abstract Optional<AudioSettings> settings();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public AudioStream copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link AudioStream}. */
  public static class Builder extends ImmutableAudioStream.Builder {}
}
