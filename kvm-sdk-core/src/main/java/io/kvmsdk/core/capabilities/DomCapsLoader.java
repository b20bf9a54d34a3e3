package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <os><loader supported='yes'>}: known firmware paths and the loader attributes a domain may use. */
@Value.Immutable
public abstract class DomCapsLoader implements DomCapsWithEnums {
  public abstract Optional<Boolean> supported();

  /** Known firmware binary paths (e.g. OVMF). */
  public abstract List<String> values();

  public abstract List<DomCapsEnum> enums();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsLoader copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsLoader}. */
  public static class Builder extends ImmutableDomCapsLoader.Builder {}
}
