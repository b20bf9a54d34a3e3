package io.kvmsdk.storage.internal;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import java.nio.charset.StandardCharsets;

/** Plans that put a config file in place: skipped when the file holds the content already ({@code cmp}). */
public final class Files {
  private Files() {}

  /** One step writing {@code content} to {@code path} with {@code mode} ({@code install -D}); the content goes through stdin, secret when {@code secret}. */
  public static Step writeStep(String description, String path, String content, String mode, boolean secret) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    HostCommand.Builder check = HostCommand.builder().args("cmp", "-s", "-", path);
    HostCommand.Builder write = HostCommand.builder().args("install", "-D", "-m", mode, "/dev/stdin", path);
    if (secret) { check.secretStdin(bytes); write.secretStdin(bytes); } else { check.stdin(bytes); write.stdin(bytes); }
    return Step.builder(description).check(check.build()).change(write.build()).build();
  }

  /** A plan of {@link #writeStep}. */
  public static Plan writePlan(String description, String path, String content, String mode, boolean secret) {
    return Plan.of(writeStep(description, path, content, mode, secret));
  }
}
