package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <driver>} of a filesystem. */
@Value.Immutable
public abstract class FilesystemDriver {
  /** {@code virtiofs}, {@code path}, {@code handle}, {@code loop}, {@code nbd}, {@code ploop}. */
  public abstract Optional<String> type();

  /** Image format ({@code loop}, {@code nbd}). */
  public abstract Optional<String> format();

  /** Driver name. */
  public abstract Optional<String> name();

  /** Write policy: {@code immediate}. */
  public abstract Optional<String> wrpolicy();

  /** virtiofs queue size. */
  public abstract Optional<Integer> queue();

  /** virtio option: use the emulated IOMMU. */
  public abstract Optional<Boolean> iommu();

  /** virtio option: Address Translation Service. */
  public abstract Optional<Boolean> ats();

  /** virtio option: packed virtqueue layout. */
  public abstract Optional<Boolean> packed();

  /** virtio option: page per virtqueue. */
  public abstract Optional<Boolean> pagePerVq();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FilesystemDriver copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FilesystemDriver}. */
  public static class Builder extends ImmutableFilesystemDriver.Builder {}
}
