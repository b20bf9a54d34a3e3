package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <memoryBacking>}: how guest memory is backed on the host (huge pages, locking, sharing). */
@Value.Immutable
public abstract class MemoryBacking {
  /** The {@code <hugepages>} child. */
  public abstract Optional<MemoryBackingHugePages> hugepages();
  /** Whether the empty {@code <nosharepages/>} marker is present. */
  @Value.Default public boolean nosharepages() { return false; }
  /** Whether the empty {@code <locked/>} marker is present. */
  @Value.Default public boolean locked() { return false; }
  /** The {@code type} of {@code <source>}: {@code file}, {@code anonymous} or {@code memfd}. */
  public abstract Optional<String> source();
  /** The {@code mode} of {@code <access>}: {@code shared} or {@code private}. */
  public abstract Optional<String> access();
  /** The {@code <allocation>} child. */
  public abstract Optional<MemoryBackingAllocation> allocation();
  /** Whether the empty {@code <discard/>} marker is present. */
  @Value.Default public boolean discard() { return false; }

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Huge pages of the host's default size. */
  public static MemoryBacking ofHugepages() { return builder().hugepages(MemoryBackingHugePages.builder().build()).build(); }

  /** Huge pages of each of {@code sizes}. */
  public static MemoryBacking ofHugepages(Size... sizes) {
    MemoryBackingHugePages.Builder h = MemoryBackingHugePages.builder();
    for (Size s : sizes) h.addPage(MemoryBackingHugePage.of(s));
    return builder().hugepages(h.build()).build();
  }

  /** Shared memfd memory, what virtiofs and vhost-user devices need. */
  public static MemoryBacking sharedMemfd() { return builder().source("memfd").access("shared").build(); }

  @Value.Check protected void check() {
    if (source().isPresent() && !java.util.Set.of("file", "anonymous", "memfd").contains(source().get())) {
      throw new InvalidSpecException("source/@type", "must be one of file, anonymous, memfd, got '" + source().get() + "'");
    }
    if (access().isPresent() && !access().get().equals("shared") && !access().get().equals("private")) {
      throw new InvalidSpecException("access/@mode", "must be 'shared' or 'private', got '" + access().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public MemoryBacking copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemoryBacking}. */
  public static class Builder extends ImmutableMemoryBacking.Builder {}
}
