package io.kvmsdk.core.domain;

/** The QEMU guest agent: the virtio channel through which libvirt talks to {@code qemu-ga} in the guest. */
public final class GuestAgent {
  /** The virtio port name libvirt recognises as the guest agent. */
  public static final String NAME = "org.qemu.guest_agent.0";

  private GuestAgent() {}

  /**
   * {@code <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>}:
   * the standard guest agent channel; libvirt generates the socket path.
   */
  public static Channel channel() {
    return Channel.builder().type("unix").target(CharDevTarget.virtio(NAME)).build();
  }

  /** The guest agent channel with its host socket bound at {@code path}. */
  public static Channel channel(String path) { return Channel.unix(path, NAME); }

  /**
   * True when {@code spec} has a guest agent channel: a channel with a {@code virtio} target named
   * {@value #NAME}, the one libvirt's QEMU driver connects to (whatever the channel's host side).
   */
  public static boolean isConfigured(DomainSpec spec) {
    return spec.devices().channels().stream().flatMap(c -> c.target().stream())
        .anyMatch(t -> t.type().orElse("").equals("virtio") && t.name().orElse("").equals(NAME));
  }
}
