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

  public static class Builder extends ImmutableNodeStatus.Builder {}
}
