package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Names;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code vrrp_sync_group}: VRRP instances that change state together, so several VIPs (on
 * different interfaces or routers) always sit on the same node.
 */
@Value.Immutable
public abstract class VrrpSyncGroup {
  public abstract String name();

  /** The member instances' names (at least two). */
  public abstract List<String> group();

  public abstract List<TrackedScript> trackScripts();

  /** {@code sync_group_tracking_weight}: let members' weighted track scripts count (keepalived ignores them otherwise). */
  @Value.Default public boolean trackingWeight() { return false; }

  public abstract Optional<NotifyScript> notifyMaster();

  public abstract Optional<NotifyScript> notifyBackup();

  public abstract Optional<NotifyScript> notifyFault();

  public abstract Optional<NotifyScript> notifyStop();

  public abstract Optional<NotifyScript> notifyScript();

  public abstract List<KeepalivedStatement> unmodeled();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.word("vrrp_sync_group", name());
    if (group().size() < 2) {
      throw new InvalidSpecException("vrrp_sync_group " + name() + "/group", "needs at least two instances (keepalived warns that one is not a group), got " + group());
    }
    if (group().stream().distinct().count() != group().size()) {
      throw new InvalidSpecException("vrrp_sync_group " + name() + "/group", "names an instance twice: " + group());
    }
  }

  @Override public String toString() { return io.kvmsdk.ha.internal.KeepalivedCodec.render(this, false); }

  /** Builds a {@link VrrpSyncGroup}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableVrrpSyncGroup.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "vrrp_sync_group");

    @Override public VrrpSyncGroup build() { return REQUIRED.build(super::build); }
  }
}
