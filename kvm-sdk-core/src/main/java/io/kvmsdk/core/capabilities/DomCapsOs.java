package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <os supported='yes'>}: firmware auto-selection values and the boot loader capabilities. */
@Value.Immutable
public abstract class DomCapsOs implements DomCapsWithEnums {
  public abstract Optional<Boolean> supported();

  /** The {@code firmware} enum (bios, efi) when firmware auto-selection is available. */
  public abstract List<DomCapsEnum> enums();

  public abstract Optional<DomCapsLoader> loader();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsOs copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsOs}. */
  public static class Builder extends ImmutableDomCapsOs.Builder {}
}
