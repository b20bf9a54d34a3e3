package io.kvmsdk.ha.pacemaker;

import org.immutables.value.Value;

/** A node as {@code crm_mon} reports it. */
@Value.Immutable
public abstract class NodeStatus {
  public abstract String name();

  public abstract String id();

  public abstract boolean online();

  public abstract boolean standby();

  public abstract boolean maintenance();

  /** True for the designated controller. */
  public abstract boolean dc();

  public abstract int resourcesRunning();

  public static Builder builder() { return new Builder(); }

  @Override public String toString() {
    return name() + (online() ? " online" : " OFFLINE") + (standby() ? ", standby" : "") + (maintenance() ? ", maintenance" : "")
        + (dc() ? ", DC" : "") + ", " + resourcesRunning() + " resources";
  }

  /** Builds a {@link NodeStatus}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableNodeStatus.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "node_state/@uname", "id", "node_state/@id", "online", "node/@online", "standby", "node/@standby", "maintenance", "node/@maintenance", "dc", "node/@is_dc", "resourcesRunning", "node/@resources_running");

    @Override public NodeStatus build() { return REQUIRED.build(super::build); }
  }
}
