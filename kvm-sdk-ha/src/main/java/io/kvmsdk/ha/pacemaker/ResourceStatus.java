package io.kvmsdk.ha.pacemaker;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A resource (or one instance of a clone) as {@code crm_mon} reports it. */
@Value.Immutable
public abstract class ResourceStatus {
  public abstract String id();

  /** {@code class:provider:type}. */
  public abstract String agent();

  /** Started, Stopped, Starting, Stopping, Promoted, Unpromoted, Migrating, ... as Pacemaker says it. */
  public abstract String role();

  public abstract boolean active();

  public abstract boolean failed();

  public abstract boolean managed();

  public abstract boolean blocked();

  /** The nodes it runs on. */
  public abstract List<String> nodes();

  /** The group it belongs to. */
  public abstract Optional<String> group();

  /** The clone it is an instance of. */
  public abstract Optional<String> clone();

  public static Builder builder() { return new Builder(); }

  /** True when it runs (Started, Promoted or Unpromoted: not Starting or Stopping) and has not failed. */
  public boolean running() {
    return active() && !failed() && (role().equals("Started") || role().equals("Promoted") || role().equals("Unpromoted"));
  }

  @Override public String toString() {
    return id() + " (" + agent() + "): " + role() + (nodes().isEmpty() ? "" : " on " + String.join(", ", nodes()))
        + (failed() ? ", FAILED" : "") + (managed() ? "" : ", unmanaged") + (blocked() ? ", blocked" : "");
  }

  /** Builds a {@link ResourceStatus}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableResourceStatus.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("id", "resource/@id", "agent", "resource/@resource_agent", "role", "resource/@role", "active", "resource/@active", "failed", "resource/@failed", "managed", "resource/@managed", "blocked", "resource/@blocked");

    @Override public ResourceStatus build() { return REQUIRED.build(super::build); }
  }
}
