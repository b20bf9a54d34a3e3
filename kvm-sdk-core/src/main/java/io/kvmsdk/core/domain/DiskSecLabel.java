package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <seclabel>} of a disk source: overrides the domain's security label for this image. */
@Value.Immutable
public abstract class DiskSecLabel {
  /** Security model: {@code selinux}, {@code dac}, {@code apparmor}. */
  public abstract Optional<String> model();

  /** Whether libvirt relabels the image. */
  public abstract Optional<Boolean> relabel();

  /** Whether relabelling was skipped (live XML). */
  public abstract Optional<Boolean> labelskip();

  /** {@code <label>}: the label to apply. */
  public abstract Optional<String> label();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskSecLabel copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskSecLabel}. */
  public static class Builder extends ImmutableDiskSecLabel.Builder {}
}
