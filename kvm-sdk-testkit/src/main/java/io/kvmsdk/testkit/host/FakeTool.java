package io.kvmsdk.testkit.host;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import java.util.List;
import java.util.Set;

/**
 * The fake of one host tool: reads the tool's argv and answers like the real tool, errors included,
 * against the state of a {@link io.kvmsdk.testkit.FakeHost}. A {@code FakeHost} finds tools on the
 * class path ({@code META-INF/services/io.kvmsdk.testkit.host.FakeTool}, so a feature module ships
 * the interpreters of its tools in its own jar) and takes more with
 * {@link io.kvmsdk.testkit.FakeHost#withTool(FakeTool)}.
 *
 * <p>A tool keeps no state of its own: what it manages lives in the host, in a
 * {@link FakeToolSlot} ({@link FakeToolContext#state(FakeToolSlot)}), so one instance serves many
 * hosts and the host's snapshots, rollback of failed commands, crashes and reboots cover it.
 *
 * <pre>{@code
 * public final class HostnameTool implements FakeTool {
 *   public Set<String> names() { return Set.of("hostname"); }
 *   public CommandResult run(HostCommand command, FakeToolContext ctx) {
 *     if (command.argv().size() > 1) throw ctx.fail(64, "hostname: the fake knows no options");
 *     return ctx.ok(ctx.host() + "\n");
 *   }
 * }
 * }</pre>
 */
public interface FakeTool {
  /** The program names this tool answers to: the last element of {@code argv[0]}, e.g. {@code ovs-vsctl}. */
  Set<String> names();

  /**
   * Runs one command. {@code command.argv()} starts with one of {@link #names()} (perhaps as a path,
   * {@code sudo} already removed); its stdin and environment are the caller's. Return the result
   * ({@link FakeToolContext#result}, {@link FakeToolContext#ok}) or throw
   * {@link FakeToolContext#fail}: a command that does not exit 0 changes nothing unless it called
   * {@link FakeToolContext#keepChanges()}.
   */
  CommandResult run(HostCommand command, FakeToolContext ctx);

  /**
   * The words {@link io.kvmsdk.testkit.FaultMatcher}s see for {@code argv} (program first, sudo
   * removed): by default the argv itself; a tool with global options drops them, so
   * {@code command("ip", "link", "add")} matches {@code ip -n ns1 link add br0 type bridge}.
   */
  default List<String> words(List<String> argv) { return argv; }
}
