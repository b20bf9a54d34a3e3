package io.kvmsdk.storage.zfs;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.Size;
import io.kvmsdk.storage.internal.Names;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A dataset of a {@link ZfsPool}: a zvol ({@link #size()} set: a block device under
 * {@code /dev/zvol/POOL/NAME}) or a filesystem, with its own properties.
 */
@Value.Immutable
public abstract class ZfsVolume {
  /** The name below the pool, e.g. {@code vms/web1} (parents first). */
  public abstract String name();

  /** A zvol's size; absent for a filesystem. */
  public abstract Optional<Size> size();

  /** A zvol's block size ({@code -b}, {@code volblocksize}), a power of two from 512 bytes to 128 KiB. */
  public abstract Optional<Size> blockSize();

  /** A sparse zvol ({@code -s}): no reservation. */
  @Value.Default public boolean sparse() { return false; }

  public abstract Map<String, String> properties();

  public static ZfsVolume zvol(String name, Size size) { return builder().name(name).size(size).build(); }

  public static ZfsVolume filesystem(String name) { return builder().name(name).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    for (String part : name().split("/", -1)) Names.word("zfs/dataset/name", part);
    if (size().isEmpty() && (blockSize().isPresent() || sparse())) {
      throw new InvalidSpecException("zfs/dataset[" + name() + "]", "a block size and sparseness are for zvols (give a size)");
    }
    size().ifPresent(s -> { if (s.bytes() <= 0) throw new InvalidSpecException("zfs/dataset[" + name() + "]/size", "must be positive"); });
    blockSize().ifPresent(b -> {
      long v = b.bytes();
      if (Long.bitCount(v) != 1 || v < 512 || v > 128 * 1024) throw new InvalidSpecException("zfs/dataset[" + name() + "]/volblocksize", "must be a power of two from 512 bytes to 128 KiB, got " + b);
      size().ifPresent(s -> {
        if (s.bytes() % v != 0) throw new InvalidSpecException("zfs/dataset[" + name() + "]/size", "must be a multiple of the block size " + b);
      });
    });
    ZfsPool.checkProperties("zfs/dataset[" + name() + "]", properties());
  }

  public static class Builder extends ImmutableZfsVolume.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "zfs/dataset/name");
    @Override public ZfsVolume build() { return REQUIRED.build(super::build); }
  }
}
