package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <constraints>}: locations, colocations and orders (tickets and sets are kept verbatim). */
@Value.Immutable
public abstract class CibConstraints {
  public abstract List<RscLocation> locations();

  public abstract List<RscColocation> colocations();

  public abstract List<RscOrder> orders();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableCibConstraints.Builder {}
}
