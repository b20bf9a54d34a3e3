package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <enum name='bus'><value>virtio</value>...</enum>}: the values a domain XML attribute accepts. */
@Value.Immutable
public abstract class DomCapsEnum {
  public abstract String name();

  public abstract List<String> values();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Whether {@code value} is among the accepted values. */
  public boolean offers(String value) { return values().contains(value); }

  /** An enum named {@code name} with {@code values}. */
  public static DomCapsEnum of(String name, String... values) { return builder().name(name).addValues(values).build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsEnum copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsEnum}. */
  public static class Builder extends ImmutableDomCapsEnum.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "@name");

    @Override public DomCapsEnum build() { return REQUIRED.build(super::build); }
  }
}
