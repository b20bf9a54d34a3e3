package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** A domain-capabilities entry such as {@code <disk supported='yes'>}: whether the thing is supported, and the enums of values it accepts. */
@Value.Immutable
public abstract class DomCapsSupport implements DomCapsWithEnums {
  public abstract Optional<Boolean> supported();

  public abstract List<DomCapsEnum> enums();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** A supported entry with {@code enums}. */
  public static DomCapsSupport supported(DomCapsEnum... enums) { return builder().supported(true).addEnums(enums).build(); }

  /** An entry that is reported as not supported. */
  public static DomCapsSupport unsupported() { return builder().supported(false).build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsSupport copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsSupport}. */
  public static class Builder extends ImmutableDomCapsSupport.Builder {}
}
