package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code <group>}: primitives started in order on one node, stopped in reverse. */
@Value.Immutable
public abstract class Group {
  public abstract Optional<String> id();

  public abstract Optional<String> description();

  public abstract List<NvSet> metaAttributes();

  public abstract List<Primitive> primitives();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableGroup.Builder {}
}
