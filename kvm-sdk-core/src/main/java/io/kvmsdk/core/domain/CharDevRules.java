package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import java.util.List;

/** libvirt's define-time rules for the host side of a character device, shared by serial, console, parallel, channel and the rng egd backend. */
final class CharDevRules {
  /** Characters libvirt allows in a spiceport channel name. */
  private static final String CHANNEL_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";

  private CharDevRules() {}

  /**
   * Checks the sources of a device of host type {@code type}; {@code autoPath} when libvirt may
   * generate a unix socket path itself (virtio and xen channels, such as the guest agent).
   */
  static void checkSources(String type, List<CharDevSource> sources, boolean autoPath) {
    if (type == null) return;
    CharDevSource src = sources.isEmpty() ? null : sources.get(0);
    switch (type) {
      case "file": case "dev": case "pipe":
        if (src == null || src.path().isEmpty()) throw missing("source/@path", type);
        break;
      case "nmdm":
        if (src == null || src.master().isEmpty()) throw missing("source/@master", type);
        if (src.slave().isEmpty()) throw missing("source/@slave", type);
        break;
      case "tcp":
        if (src == null || src.host().isEmpty()) throw missing("source/@host", type);
        if (src.service().isEmpty()) throw missing("source/@service", type);
        checkReconnect(src);
        break;
      case "udp":
        if (sources.stream().noneMatch(s -> !s.mode().orElse("connect").equals("bind") && s.service().isPresent())) {
          throw new InvalidSpecException("source/@service", "is required on the connect-mode source of a udp character device");
        }
        break;
      case "unix":
        if ((src == null || src.path().isEmpty()) && !autoPath) {
          throw new InvalidSpecException("source/@path", "is required for a unix character device (only virtio and xen channels may leave it to libvirt)");
        }
        if (src != null) checkReconnect(src);
        break;
      case "spiceport":
        if (src == null || src.channel().isEmpty()) throw missing("source/@channel", type);
        String c = src.channel().get();
        for (int i = 0; i < c.length(); i++) {
          if (CHANNEL_NAME_CHARS.indexOf(c.charAt(i)) < 0) {
            throw new InvalidSpecException("source/@channel", "must use only letters, digits, '_', '-' and '.', got '" + c + "'");
          }
        }
        break;
      default:
        break;
    }
  }

  private static void checkReconnect(CharDevSource src) {
    if (src.mode().orElse("connect").equals("bind") && src.reconnect().flatMap(CharDevReconnect::enabled).orElse(false)) {
      throw new InvalidSpecException("source/reconnect", "is possible only in connect mode, but the source is in bind mode");
    }
  }

  private static InvalidSpecException missing(String field, String type) {
    return new InvalidSpecException(field, "is required for a " + type + " character device");
  }
}
