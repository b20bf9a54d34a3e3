package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <mirror>}: the destination of a running block copy or active commit. */
@Value.Immutable
public abstract class DiskMirror {
  /** Storage type of the destination. */
  public abstract Optional<String> type();

  /** {@code copy} or {@code active-commit}. */
  public abstract Optional<String> job();

  /** {@code yes}, {@code abort} or {@code pivot} once the job is in sync. */
  public abstract Optional<String> ready();

  /** Destination file (older attribute form). */
  public abstract Optional<String> file();

  /** Destination format (older attribute form, {@code format='qcow2'}). */
  public abstract Optional<String> formatType();

  /** {@code <format>}: destination format. */
  public abstract Optional<DiskFormat> format();

  /** {@code <source>}: the destination. */
  public abstract Optional<DiskSource> source();

  /** {@code <backingStore>}: the destination's backing chain. */
  public abstract Optional<DiskBackingStore> backingStore();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskMirror copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskMirror}. */
  public static class Builder extends ImmutableDiskMirror.Builder {}
}
