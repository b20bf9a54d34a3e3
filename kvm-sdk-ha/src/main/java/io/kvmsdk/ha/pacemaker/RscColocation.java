package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** An {@code <rsc_colocation>}: {@code rsc} runs where {@code with-rsc} runs. */
@Value.Immutable
public abstract class RscColocation {
  public abstract Optional<String> id();

  public abstract Optional<String> rsc();

  /** {@code with-rsc} */
  public abstract Optional<String> withRsc();

  public abstract Optional<String> score();

  /** {@code rsc-role} */
  public abstract Optional<String> rscRole();

  /** {@code with-rsc-role} */
  public abstract Optional<String> withRscRole();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableRscColocation.Builder {}
}
