package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <audio>}: a host audio backend (none, alsa, coreaudio, dbus, jack, oss, pulseaudio, sdl, spice, file). */
@Value.Immutable
public abstract class Audio {
  /** Positive id referenced by sound and graphics devices. */
  public abstract Optional<Integer> id();

  public abstract Optional<String> type();

  /** Microseconds. */
  public abstract Optional<Integer> timerPeriod();

  /** sdl driver: esd, alsa, arts or pulseaudio. */
  public abstract Optional<String> driver();

  /** pulseaudio server. */
  public abstract Optional<String> serverName();

  /** file backend output path. */
  public abstract Optional<String> path();

  /** oss. */
  public abstract Optional<Boolean> tryMMap();

  /** oss. */
  public abstract Optional<Boolean> exclusive();

  /** oss, -1..10. */
  public abstract Optional<Integer> dspPolicy();

  public abstract Optional<AudioStream> input();

  public abstract Optional<AudioStream> output();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Audio copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Backend {@code id} of {@code type}. */
  public static Audio of(int id, String type) { return builder().id(id).type(type).build(); }

  @Value.Check
  protected void check() {
    if (id().isEmpty() || id().get() <= 0) {
      throw new InvalidSpecException("@id", "must be a positive integer, got " + id().map(Integer::toUnsignedString).orElse("nothing"));
    }
    if (type().isEmpty()) throw new InvalidSpecException("@type", "is required");
    if (timerPeriod().isPresent() && timerPeriod().get() == 0) throw new InvalidSpecException("@timerPeriod", "must be greater than 0");
  }

  /** The element as libvirt XML, with secrets such as passwords masked. */
  @Override public String toString() {
    return io.kvmsdk.core.xml.XmlWriter.writeRedacted(io.kvmsdk.core.internal.domain.NicCodecs.AUDIO.write(this));
  }

  /** Builds a {@link Audio}. */
  public static class Builder extends ImmutableAudio.Builder {}
}
