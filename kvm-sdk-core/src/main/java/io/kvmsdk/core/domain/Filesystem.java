package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <filesystem>}: a host directory, file or socket shared with the guest (virtiofs, 9p, ...). */
@Value.Immutable
public abstract class Filesystem {
  /** {@code mount} (default), {@code template}, {@code file}, {@code block}, {@code ram}, {@code bind}, {@code volume}. */
  public abstract Optional<String> type();

  /** {@code passthrough}, {@code mapped} or {@code squash}. */
  public abstract Optional<String> accessmode();

  /** virtio model variant. */
  public abstract Optional<String> model();

  /** 9p handling of several host devices: {@code default}, {@code remap}, {@code forbid}, {@code warn}. */
  public abstract Optional<String> multidevs();

  /** File mode of created files (mapped access mode). */
  public abstract Optional<String> fmode();

  /** Directory mode of created directories. */
  public abstract Optional<String> dmode();

  /** {@code <driver>}: {@code virtiofs}, {@code path}, {@code handle}, {@code loop}, {@code nbd}, ... */
  public abstract Optional<FilesystemDriver> driver();

  /** {@code <binary>}: virtiofsd options. */
  public abstract Optional<FilesystemBinary> binary();

  /** {@code <source>}: what is shared. */
  public abstract Optional<FilesystemSource> source();

  /** {@code <target dir=''/>}: the mount tag or guest path. */
  public abstract Optional<String> targetDir();

  /** {@code <readonly/>}: the guest cannot write. */
  @Value.Default public boolean readonly() { return false; }

  /** {@code <space_hard_limit>}: hard quota (LXC). */
  public abstract Optional<Size> spaceHardLimit();

  /** {@code <space_soft_limit>}: soft quota (LXC). */
  public abstract Optional<Size> spaceSoftLimit();

  /** {@code <boot>}: boot order (virtiofs). */
  public abstract Optional<DiskBoot> boot();

  /** {@code <alias name=''/>}: the device alias. */
  public abstract Optional<String> alias();

  /** {@code <acpi index=''/>}: the ACPI index. */
  public abstract Optional<Integer> acpiIndex();

  /** {@code <address>}: where the device sits. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /**
   * A host directory shared through virtiofs under mount tag {@code tag}
   * (the domain also needs shared memory backing).
   */
  public static Filesystem virtiofs(String hostDir, String tag) {
    return builder().type("mount").accessmode("passthrough").driver(FilesystemDriver.builder().type("virtiofs").build())
        .source(FilesystemSource.builder().dir(hostDir).build()).targetDir(tag).build();
  }

  /** A host directory shared through 9p under mount tag {@code tag}. */
  public static Filesystem mount(String hostDir, String tag) {
    return builder().type("mount").accessmode("mapped").source(FilesystemSource.builder().dir(hostDir).build()).targetDir(tag).build();
  }

  @Value.Check protected void check() {
    if (accessmode().isPresent() && !java.util.Set.of("passthrough", "mapped", "squash").contains(accessmode().get())) {
      throw new InvalidSpecException("@accessmode", "must be 'passthrough', 'mapped' or 'squash', got '" + accessmode().get() + "'");
    }
    if (targetDir().isEmpty()) throw new InvalidSpecException("target/@dir", "required (the mount tag or guest path)");
    if (source().isEmpty()) throw new InvalidSpecException("source", "required (what the filesystem shares)");
    if (type().filter("ram"::equals).isPresent() && source().flatMap(FilesystemSource::usage).isEmpty()) {
      throw new InvalidSpecException("source/@usage", "required for a RAM filesystem");
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Filesystem copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Filesystem}. */
  public static class Builder extends ImmutableFilesystem.Builder {}
}
