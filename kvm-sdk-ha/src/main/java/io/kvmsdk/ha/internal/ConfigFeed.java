package io.kvmsdk.ha.internal;

import io.kvmsdk.core.host.HostCommand;
import java.nio.charset.StandardCharsets;

/**
 * A config file fed to a command's stdin: as a secret (masked in plans, an environment variable in
 * scripts) only when the file carries one, so a plan of a file without secrets shows its content.
 */
public final class ConfigFeed {
  private ConfigFeed() {}

  /** {@code b} fed {@code text}; secret when {@code text} differs from its {@code redacted} rendering. */
  public static HostCommand feed(HostCommand.Builder b, String text, String redacted) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    return (text.equals(redacted) ? b.stdin(content) : b.secretStdin(content)).build();
  }
}
