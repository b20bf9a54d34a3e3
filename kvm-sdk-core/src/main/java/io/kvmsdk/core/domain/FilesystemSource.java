package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <source>} of a filesystem: the union of what each filesystem type allows. */
@Value.Immutable
public abstract class FilesystemSource {
  /** Host directory ({@code mount}, {@code bind}). */
  public abstract Optional<String> dir();

  /** Image file ({@code file}). */
  public abstract Optional<String> file();

  /** Host block device ({@code block}). */
  public abstract Optional<String> dev();

  /** Template name ({@code template}). */
  public abstract Optional<String> name();

  /** vhost-user socket of an externally started virtiofsd. */
  public abstract Optional<String> socket();

  /** Storage pool ({@code volume}). */
  public abstract Optional<String> pool();

  /** Volume in the pool ({@code volume}). */
  public abstract Optional<String> volume();

  /** RAM filesystem size ({@code ram}). */
  public abstract Optional<Long> usage();

  /** Unit of {@link #usage()}. */
  public abstract Optional<String> units();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FilesystemSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FilesystemSource}. */
  public static class Builder extends ImmutableFilesystemSource.Builder {}
}
