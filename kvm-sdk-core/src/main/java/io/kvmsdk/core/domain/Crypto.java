package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <crypto>}: a virtio-crypto device backed by QEMU (libvirt 9.0+). */
@Value.Immutable
public abstract class Crypto {
  /** Device model, {@code virtio}. */
  public abstract Optional<String> model();

  /** Implementation, {@code qemu}. */
  public abstract Optional<String> type();

  /** Crypto backend ({@code <backend>}). */
  public abstract Optional<CryptoBackend> backend();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** ACPI index of the device ({@code <acpi index='N'/>}). */
  public abstract Optional<Integer> acpiIndex();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <crypto model='virtio' type='qemu'><backend model='builtin' queues='N'/></crypto>}. */
  public static Crypto builtin(int queues) {
    return builder().model("virtio").type("qemu").backend(CryptoBackend.builder().model("builtin").queues(queues).build()).build();
  }

  /** Derives a changed copy; this value stays as it is. */
  public Crypto copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Crypto}. */
  public static class Builder extends ImmutableCrypto.Builder {}
}
