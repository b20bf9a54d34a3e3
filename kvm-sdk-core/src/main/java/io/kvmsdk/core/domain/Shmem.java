package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <shmem>}: an ivshmem shared memory region shared with other guests and the host. */
@Value.Immutable
public abstract class Shmem {
  /** Name of the shared memory object (required; no '/', not '.' or '..'). */
  public abstract Optional<String> name();

  /** Migration role: {@code master} (migrated with the domain) or {@code peer}. */
  public abstract Optional<String> role();

  /** Device model ({@code <model type='ivshmem|ivshmem-plain|ivshmem-doorbell'/>}). */
  public abstract Optional<String> model();

  /** Size of the region, a power of two of at least 1 MiB. */
  public abstract Optional<Size> size();

  /** Server socket of an ivshmem-doorbell device ({@code <server>}). */
  public abstract Optional<ShmemServer> server();

  /** MSI interrupts ({@code <msi>}). */
  public abstract Optional<ShmemMsi> msi();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** ACPI index of the device ({@code <acpi index='N'/>}). */
  public abstract Optional<Integer> acpiIndex();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <shmem name='...'><model type='ivshmem-plain'/><size unit='M'>..</size></shmem>}: server-less shared memory. */
  public static Shmem plain(String name, Size size) { return builder().name(name).model("ivshmem-plain").size(size).build(); }

  /** {@code <shmem name='...'><model type='ivshmem-doorbell'/><server path='...'/></shmem>}: shared memory with a server. */
  public static Shmem doorbell(String name, String serverPath) {
    return builder().name(name).model("ivshmem-doorbell").server(ShmemServer.builder().path(serverPath).build()).build();
  }

  @Value.Check protected void check() {
    if (name().isEmpty()) throw new InvalidSpecException("@name", "is required");
    if (io.kvmsdk.core.internal.domain.Validation.skipped()) return;   // virDomainShmemDefValidate
    String n = name().get();
    if (n.isEmpty() || n.equals(".") || n.equals("..") || n.indexOf('/') >= 0) {
      throw new InvalidSpecException("@name", "must be a non-empty name without '/' and not '.' or '..', got '" + n + "'");
    }
    role().ifPresent(r -> {
      if (!r.equals("master") && !r.equals("peer")) throw new InvalidSpecException("@role", "must be 'master' or 'peer', got '" + r + "'");
    });
    if (msi().isPresent() && server().isEmpty()) throw new InvalidSpecException("msi", "can only be used together with a server");
  }

  /** Derives a changed copy; this value stays as it is. */
  public Shmem copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Shmem}. */
  public static class Builder extends ImmutableShmem.Builder {}
}
