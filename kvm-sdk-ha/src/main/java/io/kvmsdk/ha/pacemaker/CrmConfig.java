package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <crm_config>}: the cluster properties. */
@Value.Immutable
public abstract class CrmConfig {
  public abstract List<NvSet> clusterPropertySets();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableCrmConfig.Builder {}
}
