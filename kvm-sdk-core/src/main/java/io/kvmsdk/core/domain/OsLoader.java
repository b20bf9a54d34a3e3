package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <loader>}: the firmware image (UEFI or a custom BIOS) the guest boots from. */
@Value.Immutable
public abstract class OsLoader {
  /** The {@code readonly} attribute. */
  public abstract Optional<Boolean> readonly();
  /** The {@code secure} attribute. */
  public abstract Optional<Boolean> secure();
  /** {@code rom} or {@code pflash}. */
  public abstract Optional<String> type();
  /** The {@code stateless} attribute. */
  public abstract Optional<Boolean> stateless();
  /** The absolute path of the firmware image. */
  public abstract Optional<String> path();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A read-only pflash UEFI image at {@code path}, the usual shape for OVMF/AAVMF. */
  public static OsLoader pflash(String path) { return builder().readonly(true).type("pflash").path(path).build(); }

  @Value.Check protected void check() {
    if (type().isPresent() && !type().get().equals("rom") && !type().get().equals("pflash")) {
      throw new InvalidSpecException("@type", "must be 'rom' or 'pflash', got '" + type().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public OsLoader copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsLoader}. */
  public static class Builder extends ImmutableOsLoader.Builder {}
}
