package io.kvmsdk.ha.keepalived;

import io.kvmsdk.ha.internal.Names;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code global_defs}: the node's {@code router_id}, who runs scripts and whether script security is on. */
@Value.Immutable
public abstract class GlobalDefs {
  public abstract Optional<String> routerId();

  /** {@code script_user USER [GROUP]}. */
  public abstract Optional<String> scriptUser();

  /** {@code enable_script_security}: keepalived refuses scripts writable by non-root users. */
  @Value.Default public boolean enableScriptSecurity() { return false; }

  public abstract List<KeepalivedStatement> unmodeled();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    routerId().ifPresent(r -> Names.word("global_defs/router_id", r));
  }

  public static class Builder extends ImmutableGlobalDefs.Builder {}
}
