package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <vsock>}: a virtio vsock host/guest socket interface. */
@Value.Immutable
public abstract class Vsock {
  /** virtio, virtio-transitional or virtio-non-transitional. */
  public abstract Optional<String> model();

  /** Context ID of the guest ({@code <cid>}). */
  public abstract Optional<VsockCid> cid();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** ACPI index of the device ({@code <acpi index='N'/>}). */
  public abstract Optional<Integer> acpiIndex();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** Virtio options ({@code <driver>}). */
  public abstract Optional<VsockDriver> driver();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <vsock model='virtio'><cid auto='yes'/></vsock>}: libvirt picks a free CID at start. */
  public static Vsock auto() { return builder().model("virtio").cid(VsockCid.builder().auto(true).build()).build(); }

  /** {@code <vsock model='virtio'><cid auto='no' address='N'/></vsock>}: a fixed CID (at least 3). */
  public static Vsock cid(long cid) { return builder().model("virtio").cid(VsockCid.builder().auto(false).address(cid).build()).build(); }

  /** Derives a changed copy; this value stays as it is. */
  public Vsock copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Vsock}. */
  public static class Builder extends ImmutableVsock.Builder {}
}
