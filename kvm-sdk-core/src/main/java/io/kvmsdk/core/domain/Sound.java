package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <sound>}: a sound card. */
@Value.Immutable
public abstract class Sound {
  /** sb16, es1370, pcspk, ac97, ich6, ich7, ich9 or usb. */
  public abstract Optional<String> model();

  public abstract List<SoundCodec> codecs();

  /** {@code <audio id='..'/>}: the audio backend used. */
  public abstract Optional<Integer> audioId();

  public abstract Optional<String> alias();

  /** {@code <acpi index='..'/>}. */
  public abstract Optional<Integer> acpiIndex();

  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Sound copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A sound card of {@code model}, such as {@code ich9}. */
  public static Sound of(String model) { return builder().model(model).build(); }

  @Value.Check
  protected void check() {
    if (model().isEmpty()) throw new InvalidSpecException("@model", "is required");
  }

  /** The element as libvirt XML, with secrets such as passwords masked. */
  @Override public String toString() {
    return io.kvmsdk.core.xml.XmlWriter.writeRedacted(io.kvmsdk.core.internal.domain.NicCodecs.SOUND.write(this));
  }

  /** Builds a {@link Sound}. */
  public static class Builder extends ImmutableSound.Builder {}
}
