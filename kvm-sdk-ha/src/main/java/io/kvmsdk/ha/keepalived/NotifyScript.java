package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A notify script ({@code notify_master}, {@code notify_backup}, {@code notify_fault},
 * {@code notify_stop}, {@code notify}): an argv run by keepalived (no shell), optionally as
 * another user.
 */
@Value.Immutable
public abstract class NotifyScript {
  /** The program and its arguments; keepalived appends its own for the generic {@code notify}. */
  public abstract List<String> command();

  /** {@code USER [GROUP]} the script runs as (default: global_defs' script_user). */
  public abstract Optional<String> user();

  public static NotifyScript of(String... command) { return builder().command(java.util.List.of(command)).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (command().isEmpty() || !command().get(0).startsWith("/")) {
      throw new InvalidSpecException("notify", "a notify script is an argv whose program is an absolute path, got " + command());
    }
    io.kvmsdk.ha.internal.KeepalivedText.command(command(), "notify");
    user().ifPresent(u -> io.kvmsdk.ha.internal.KeepalivedCodec.userWords(u, "notify/user"));
  }

  @Override public String toString() { return String.join(" ", command()) + user().map(u -> " (as " + u + ")").orElse(""); }

  public static class Builder extends ImmutableNotifyScript.Builder {}
}
