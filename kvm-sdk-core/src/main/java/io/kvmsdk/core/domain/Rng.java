package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <rng>}: a virtio random number generator fed from the host. */
@Value.Immutable
public abstract class Rng {
  /** virtio, virtio-transitional or virtio-non-transitional. */
  public abstract Optional<String> model();

  /** Entropy rate limit ({@code <rate>}). */
  public abstract Optional<RngRate> rate();

  /** Entropy source ({@code <backend>}). */
  public abstract Optional<RngBackend> backend();

  /** Virtio options ({@code <driver>}). */
  public abstract Optional<RngDriver> driver();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** ACPI index of the device ({@code <acpi index='N'/>}). */
  public abstract Optional<Integer> acpiIndex();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <rng model='virtio'><backend model='random'>path</backend></rng>}, e.g. {@code /dev/urandom}. */
  public static Rng random(String path) { return builder().model("virtio").backend(RngBackend.random(path)).build(); }

  /** {@code <rng model='virtio'><backend model='builtin'/></rng>}: QEMU's getrandom()-based source. */
  public static Rng builtin() { return builder().model("virtio").backend(RngBackend.builder().model("builtin").build()).build(); }

  /** This RNG limited to {@code bytes} per {@code periodMillis}. */
  public Rng withRate(int bytes, int periodMillis) { return copy(b -> b.rate(RngRate.of(bytes, periodMillis))); }

  /** Derives a changed copy; this value stays as it is. */
  public Rng copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Rng}. */
  public static class Builder extends ImmutableRng.Builder {}
}
