package io.kvmsdk.network.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * coreutils' {@code sha256sum [FILE|-]...}: one {@code HASH  NAME} line per input ({@code -} and no
 * argument read stdin); a missing file is reported and makes the exit status 1. No options.
 */
public final class Sha256sum implements FakeTool {
  @Override public Set<String> names() { return Set.of("sha256sum"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> files = command.argv().subList(1, command.argv().size());
    if (files.isEmpty()) files = List.of("-");
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int rc = 0;
    for (String f : files) {
      if (f.startsWith("-") && !f.equals("-")) throw ctx.fail(1, "sha256sum: the fake knows no options ('" + f + "')");
      Optional<String> text = f.equals("-") ? Optional.of(command.stdin().map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""))
          : ctx.isDirectory(f) ? Optional.empty() : ctx.readFile(f);
      if (text.isEmpty()) {
        err.append("sha256sum: ").append(f).append(ctx.isDirectory(f) ? ": Is a directory\n" : ": No such file or directory\n");
        rc = 1;
        continue;
      }
      out.append(hex(text.get())).append("  ").append(f).append('\n');
    }
    return ctx.result(rc, out.toString(), err.toString());
  }

  static String hex(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(64);
      for (byte b : d) sb.append(Character.forDigit(b >> 4 & 15, 16)).append(Character.forDigit(b & 15, 16));
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
