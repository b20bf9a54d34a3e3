package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <configuration>}: what the cluster should do (the CIB's {@code <status>} is what it does). */
@Value.Immutable
public abstract class CibConfiguration {
  public abstract Optional<CrmConfig> crmConfig();

  public abstract Optional<CibNodes> nodes();

  public abstract Optional<CibResources> resources();

  public abstract Optional<CibConstraints> constraints();

  public abstract Optional<CibDefaults> rscDefaults();

  public abstract Optional<CibDefaults> opDefaults();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableCibConfiguration.Builder {}
}
