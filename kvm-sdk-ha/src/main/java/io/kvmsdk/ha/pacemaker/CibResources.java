package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <resources>}: primitives, groups and clones (bundles and templates are kept verbatim). */
@Value.Immutable
public abstract class CibResources {
  public abstract List<Primitive> primitives();

  public abstract List<Group> groups();

  public abstract List<Clone> clones();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableCibResources.Builder {}
}
