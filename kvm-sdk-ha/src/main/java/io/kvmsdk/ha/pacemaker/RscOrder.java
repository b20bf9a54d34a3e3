package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** An {@code <rsc_order>}: {@code then} starts after {@code first}. */
@Value.Immutable
public abstract class RscOrder {
  public abstract Optional<String> id();

  public abstract Optional<String> first();

  public abstract Optional<String> then();

  /** {@code first-action} */
  public abstract Optional<String> firstAction();

  /** {@code then-action} */
  public abstract Optional<String> thenAction();

  /** Mandatory, Optional, Serialize */
  public abstract Optional<String> kind();

  public abstract Optional<String> symmetrical();

  public abstract Optional<String> score();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableRscOrder.Builder {}
}
