package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <model>} of a video device: adapter type and memory sizes (KiB). */
@Value.Immutable
public abstract class VideoModel {
  /** vga, cirrus, vmvga, xen, vbox, qxl, virtio, gop, bochs, ramfb or none. */
  public abstract Optional<String> type();

  /** QXL primary bar size in KiB. */
  public abstract Optional<Integer> ram();

  /** Video memory in KiB. */
  public abstract Optional<Integer> vram();

  /** QXL 64-bit secondary bar size in KiB. */
  public abstract Optional<Integer> vram64();

  /** QXL VGA framebuffer in KiB. */
  public abstract Optional<Integer> vgamem();

  public abstract Optional<Integer> heads();

  public abstract Optional<Boolean> primary();

  public abstract Optional<VideoAcceleration> acceleration();

  public abstract Optional<VideoResolution> resolution();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VideoModel copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A model of {@code type}. */
  public static VideoModel of(String type) { return builder().type(type).build(); }

  /** Builds a {@link VideoModel}. */
  public static class Builder extends ImmutableVideoModel.Builder {}
}
