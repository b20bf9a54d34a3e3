package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <binary>}: how libvirt runs virtiofsd. */
@Value.Immutable
public abstract class FilesystemBinary {
  /** Path of the virtiofsd binary. */
  public abstract Optional<String> path();

  /** Whether extended attributes are supported ({@code on}/{@code off}). */
  public abstract Optional<Boolean> xattr();

  /** {@code <cache mode=''/>}: {@code none}, {@code always}. */
  public abstract Optional<String> cacheMode();

  /** {@code <sandbox mode=''/>}: {@code namespace} or {@code chroot}. */
  public abstract Optional<String> sandboxMode();

  /** {@code <lock>}: POSIX and flock locking. */
  public abstract Optional<FilesystemBinaryLock> lock();

  /** {@code <thread_pool size=''/>}: worker threads. */
  public abstract Optional<Integer> threadPoolSize();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FilesystemBinary copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FilesystemBinary}. */
  public static class Builder extends ImmutableFilesystemBinary.Builder {}
}
