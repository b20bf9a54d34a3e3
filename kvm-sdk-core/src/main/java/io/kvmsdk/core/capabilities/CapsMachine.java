package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <machine canonical='pc-i440fx-7.1' maxCpus='255'>pc</machine>}: a machine type a guest can use. */
@Value.Immutable
public abstract class CapsMachine {
  /** The machine type name (the element's text), possibly an alias such as {@code pc}. */
  public abstract String name();

  /** The machine type this alias stands for. */
  public abstract Optional<String> canonical();

  public abstract Optional<Integer> maxCpus();

  public abstract Optional<Boolean> deprecated();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The canonical machine type: {@link #canonical()} for an alias, else {@link #name()}. */
  public String canonicalName() { return canonical().orElse(name()); }

  /** Whether the hypervisor marks this machine type deprecated. */
  public boolean isDeprecated() { return deprecated().orElse(false); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsMachine copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsMachine}. */
  public static class Builder extends ImmutableCapsMachine.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "text()");

    @Override public CapsMachine build() { return REQUIRED.build(super::build); }
  }
}
