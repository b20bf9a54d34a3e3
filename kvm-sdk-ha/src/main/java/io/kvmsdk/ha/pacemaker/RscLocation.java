package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** An {@code <rsc_location>}: where a resource prefers (or refuses) to run. */
@Value.Immutable
public abstract class RscLocation {
  public abstract Optional<String> id();

  public abstract Optional<String> rsc();

  /** {@code rsc-pattern} */
  public abstract Optional<String> rscPattern();

  public abstract Optional<String> node();

  /** INFINITY, -INFINITY or an integer */
  public abstract Optional<String> score();

  public abstract Optional<String> role();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableRscLocation.Builder {}
}
