package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <lock>} of virtiofsd. */
@Value.Immutable
public abstract class FilesystemBinaryLock {
  /** POSIX locks ({@code on}/{@code off}). */
  public abstract Optional<Boolean> posix();

  /** flock locks ({@code on}/{@code off}). */
  public abstract Optional<Boolean> flock();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FilesystemBinaryLock copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FilesystemBinaryLock}. */
  public static class Builder extends ImmutableFilesystemBinaryLock.Builder {}
}
