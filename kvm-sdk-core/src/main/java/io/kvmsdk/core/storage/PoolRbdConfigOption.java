package io.kvmsdk.core.storage;


import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <rbd:option name value>}: one RADOS configuration override of an {@code rbd} pool. */
@Value.Immutable
public abstract class PoolRbdConfigOption {
  public abstract Optional<String> name();

  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The option {@code name} set to {@code value}. */
  public static PoolRbdConfigOption of(String name, String value) { return builder().name(name).value(value).build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolRbdConfigOption copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolRbdConfigOption}. */
  public static class Builder extends ImmutablePoolRbdConfigOption.Builder {}
}
