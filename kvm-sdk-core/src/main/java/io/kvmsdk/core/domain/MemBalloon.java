package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <memballoon>}: the memory balloon; {@code model='none'} disables it. */
@Value.Immutable
public abstract class MemBalloon {
  /** virtio, virtio-transitional, virtio-non-transitional, xen or none. */
  public abstract Optional<String> model();

  /** Release balloon memory before the guest's OOM killer runs ({@code autodeflate='on|off'}). */
  public abstract Optional<Boolean> autodeflate();

  /** Return unused guest pages to the host ({@code freePageReporting='on|off'}). */
  public abstract Optional<Boolean> freePageReporting();

  /** Seconds between memory statistics updates ({@code <stats period='N'/>}). */
  public abstract Optional<Integer> statsPeriod();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** ACPI index of the device ({@code <acpi index='N'/>}). */
  public abstract Optional<Integer> acpiIndex();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** Virtio options ({@code <driver>}). */
  public abstract Optional<MemBalloonDriver> driver();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <memballoon model='virtio'/>}. */
  public static MemBalloon virtio() { return builder().model("virtio").build(); }

  /** {@code <memballoon model='none'/>}: no balloon. */
  public static MemBalloon none() { return builder().model("none").build(); }

  /** This balloon reporting statistics every {@code seconds}. */
  public MemBalloon withStatsPeriod(int seconds) { return copy(b -> b.statsPeriod(seconds)); }

  /** Derives a changed copy; this value stays as it is. */
  public MemBalloon copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemBalloon}. */
  public static class Builder extends ImmutableMemBalloon.Builder {}
}
