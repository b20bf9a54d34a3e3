package io.kvmsdk.storage.tiering;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.storage.internal.Names;
import java.util.Optional;
import org.immutables.value.Value;

/** One tier: a libvirt pool, what it is built on and how much of it stays free. */
@Value.Immutable
public abstract class StorageTier {
  /** The tier's name, e.g. {@code fast}. */
  public abstract String name();

  public abstract Media media();

  /** The libvirt pool new volumes of this tier go to. */
  public abstract String poolName();

  /** The pool's type ({@code logical}, {@code netfs}, ...), when known: it decides the volume format. */
  public abstract Optional<String> poolType();

  /** The share of the pool's capacity kept free (0 to 0.9); 0.10 by default. */
  @Value.Default public double reserve() { return 0.10; }

  /** Tier {@code name} on {@code media}, its volumes in pool {@code pool}. */
  public static StorageTier of(String name, Media media, StoragePoolSpec pool) {
    return builder().name(name).media(media).poolName(pool.name()).poolType(pool.type()).build();
  }

  /** Tier {@code name} on {@code media}, its volumes in the libvirt pool named {@code poolName}. */
  public static StorageTier of(String name, Media media, String poolName) {
    return builder().name(name).media(media).poolName(poolName).build();
  }

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public StorageTier copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    Names.word("tier/name", name());
    Names.word("tier/pool", poolName());
    if (!(reserve() >= 0 && reserve() <= 0.9)) throw new InvalidSpecException("tier[" + name() + "]/reserve", "must be 0 to 0.9, got " + reserve());
  }

  @Override public String toString() { return name() + " (" + media().name().toLowerCase(java.util.Locale.ROOT) + ", pool " + poolName() + ")"; }

  public static class Builder extends ImmutableStorageTier.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "tier/name", "media", "tier/media", "poolName", "tier/pool");
    @Override public StorageTier build() { return REQUIRED.build(super::build); }
  }
}
