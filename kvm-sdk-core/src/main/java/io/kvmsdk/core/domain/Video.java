package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <video>}: a video adapter. */
@Value.Immutable
public abstract class Video {
  public abstract Optional<VideoModel> model();

  public abstract Optional<VideoDriver> driver();

  public abstract Optional<String> alias();

  /** {@code <acpi index='..'/>}. */
  public abstract Optional<Integer> acpiIndex();

  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Video copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A video adapter of model {@code type} (virtio, qxl, vga, bochs, ramfb, none...). */
  public static Video of(String type) { return builder().model(VideoModel.of(type)).build(); }

  /** A virtio-gpu adapter. */
  public static Video virtio() { return of("virtio"); }

  @Value.Check
  protected void check() {
    if (model().flatMap(VideoModel::resolution).isPresent()) {
      VideoResolution r = model().get().resolution().get();
      if (r.x().isEmpty() || r.y().isEmpty()) throw new InvalidSpecException("model/resolution", "needs both 'x' and 'y'");
    }
  }

  /** The element as libvirt XML, with secrets such as passwords masked. */
  @Override public String toString() {
    return io.kvmsdk.core.xml.XmlWriter.writeRedacted(io.kvmsdk.core.internal.domain.NicCodecs.VIDEO.write(this));
  }

  /** Builds a {@link Video}. */
  public static class Builder extends ImmutableVideo.Builder {}
}
