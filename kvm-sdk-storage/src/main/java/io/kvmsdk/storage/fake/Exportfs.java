package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * nfs-utils' {@code exportfs}: {@code -r}/{@code -a} publish {@code /etc/exports} and
 * {@code /etc/exports.d/*.exports} (each line {@code PATH CLIENT(OPTS)...}, {@code #} comments),
 * refusing an unknown option ({@code exportfs: FILE:LINE: unknown keyword "x"}, exit 1) and warning
 * about a directory that does not exist (as the real one does, the others are still exported);
 * {@code -v}/{@code -s} list what is published. The kernel's export table is gone after a reboot.
 * Not proven against the real tool: this kernel has no nfsd.
 */
public final class Exportfs implements FakeTool {
  public static final FakeToolSlot<Table> TABLE = FakeToolSlot.of("nfsd-exports", Table::new);

  private static final Set<String> KNOWN = Set.of("rw", "ro", "sync", "async", "secure", "insecure", "wdelay", "no_wdelay", "hide",
      "nohide", "crossmnt", "subtree_check", "no_subtree_check", "insecure_locks", "no_auth_nlm", "secure_locks", "auth_nlm",
      "root_squash", "no_root_squash", "all_squash", "no_all_squash", "mp", "mountpoint", "nordirplus", "pnfs", "no_pnfs",
      "security_label", "no_acl", "anonuid", "anongid", "fsid", "sec", "refer", "replicas");

  /** What the kernel exports: path to client to options. */
  public static final class Table implements FakeToolState<Table> {
    final Map<String, Map<String, String>> exports = new LinkedHashMap<>();

    /** The published exports, {@code PATH CLIENT(OPTIONS)}. */
    public List<String> published() {
      List<String> out = new ArrayList<>();
      exports.forEach((p, cs) -> cs.forEach((c, o) -> out.add(p + " " + c + "(" + o + ")")));
      return out;
    }

    @Override public Table copy() {
      Table t = new Table();
      exports.forEach((k, v) -> t.exports.put(k, new LinkedHashMap<>(v)));
      return t;
    }

    @Override public List<String> describe() { return published(); }
  }

  @Override public Set<String> names() { return Set.of("exportfs"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = command.argv().subList(1, command.argv().size());
    Set<Character> flags = new java.util.HashSet<>();
    for (String w : a) {
      if (!w.startsWith("-")) throw ctx.fail(1, "exportfs: the fake knows -r, -a, -v and -s only, got '" + w + "'");
      for (char c : w.substring(1).toCharArray()) flags.add(c);
    }
    if (!Set.of('r', 'a', 'v', 's').containsAll(flags)) throw ctx.fail(1, "exportfs: the fake knows -r, -a, -v and -s only");
    Table t = ctx.state(TABLE);
    if (flags.contains('r') || flags.contains('a')) {
      Map<String, Map<String, String>> next = new LinkedHashMap<>();
      StringBuilder warn = new StringBuilder();
      List<String> files = new ArrayList<>();
      if (ctx.readFile("/etc/exports").isPresent()) files.add("/etc/exports");
      for (String n : ctx.listDirectory("/etc/exports.d")) if (n.endsWith(".exports")) files.add("/etc/exports.d/" + n);
      for (String f : files) {
        String[] lines = ctx.readFile(f).orElse("").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          String line = lines[i].strip();
          if (line.isEmpty() || line.startsWith("#")) continue;
          String[] words = line.split("\\s+");
          String path = words[0];
          Map<String, String> clients = new LinkedHashMap<>();
          for (int k = 1; k < words.length; k++) {
            String w = words[k];
            int open = w.indexOf('(');
            String client = open < 0 ? w : w.substring(0, open);
            String opts = open < 0 ? "" : w.substring(open + 1, w.endsWith(")") ? w.length() - 1 : w.length());
            for (String o : opts.split(",")) {
              String key = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
              if (!o.isEmpty() && !KNOWN.contains(key)) throw ctx.fail(1, "exportfs: " + f + ":" + (i + 1) + ": unknown keyword \"" + o + "\"");
            }
            clients.put(client.isEmpty() ? "*" : client, opts);
          }
          if (!ctx.isDirectory(path)) {
            warn.append("exportfs: Failed to stat ").append(path).append(": No such file or directory\n");
            continue;
          }
          next.computeIfAbsent(path, x -> new LinkedHashMap<>()).putAll(clients);
        }
      }
      if (flags.contains('r')) t.exports.clear();
      next.forEach((p, cs) -> t.exports.computeIfAbsent(p, x -> new LinkedHashMap<>()).putAll(cs));
      return ctx.result(0, "", warn.toString());
    }
    StringBuilder sb = new StringBuilder();
    t.exports.forEach((p, cs) -> cs.forEach((c, o) -> sb.append(p).append("  \t").append(c).append('(').append(o).append(")\n")));
    return ctx.ok(sb.toString());
  }

}
