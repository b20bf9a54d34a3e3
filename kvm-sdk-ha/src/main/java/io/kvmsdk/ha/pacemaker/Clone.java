package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code <clone>}: a primitive or group running on several nodes; promotable (meta {@code promotable=true}) for a DRBD device with a Primary. */
@Value.Immutable
public abstract class Clone {
  public abstract Optional<String> id();

  public abstract Optional<String> description();

  public abstract List<NvSet> metaAttributes();

  public abstract Optional<Primitive> primitive();

  public abstract Optional<Group> group();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** True when the clone is promotable (meta {@code promotable=true}). */
  public boolean promotable() {
    return metaAttributes().stream().map(s -> s.value("promotable")).flatMap(Optional::stream).anyMatch("true"::equals);
  }

  public static class Builder extends ImmutableClone.Builder {}
}
