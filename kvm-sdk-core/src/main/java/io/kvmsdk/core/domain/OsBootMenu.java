package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <bootmenu>}: whether the firmware shows a boot menu, and for how long. */
@Value.Immutable
public abstract class OsBootMenu {
  /** The {@code enable} attribute. */
  public abstract Optional<Boolean> enable();
  /** Milliseconds to wait, 0 to 65535. */
  public abstract Optional<Integer> timeout();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** An interactive boot menu, shown for {@code timeoutMillis} milliseconds. */
  public static OsBootMenu enabled(int timeoutMillis) { return builder().enable(true).timeout(timeoutMillis).build(); }

  @Value.Check protected void check() {
    if (timeout().isPresent() && (timeout().get() < 0 || timeout().get() > 65535)) {
      throw new InvalidSpecException("@timeout", "must be between 0 and 65535 milliseconds, got " + Integer.toUnsignedString(timeout().get()));
    }
  }

  /** Derives a changed copy. */
  public OsBootMenu copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsBootMenu}. */
  public static class Builder extends ImmutableOsBootMenu.Builder {}
}
