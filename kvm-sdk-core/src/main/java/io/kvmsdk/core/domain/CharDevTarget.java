package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <target>} of a character device: how the guest sees it (serial/console/parallel port, virtio or guestfwd channel). */
@Value.Immutable
public abstract class CharDevTarget {
  /** Guest device type: isa-serial, usb-serial, pci-serial, spapr-vio-serial, system-serial, sclp-serial, isa-debug (serial); serial, virtio, xen, sclp, sclplm, lxc, openvz (console); virtio, xen, guestfwd (channel). */
  public abstract Optional<String> type();

  /** Name of a virtio or xen channel, such as {@code org.qemu.guest_agent.0}. */
  public abstract Optional<String> name();

  /** Output only: whether a guest process has a virtio channel open ({@code connected}, {@code disconnected}). */
  public abstract Optional<String> state();

  /** IP address a guestfwd channel forwards. */
  public abstract Optional<String> address();

  /** Port number: the serial/console/parallel index, or the TCP port of a guestfwd channel. */
  public abstract Optional<Integer> port();

  /** Device model of a serial port ({@code <model name='...'/>}): isa-serial, usb-serial, pci-serial, spapr-vty, pl011, 16550a, sclpconsole, sclplmconsole, isa-debugcon. */
  public abstract Optional<String> model();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <target port='N'/>}. */
  public static CharDevTarget port(int port) { return builder().port(port).build(); }

  /** {@code <target type='...' port='N'/>}. */
  public static CharDevTarget of(String type, int port) { return builder().type(type).port(port).build(); }

  /** {@code <target type='virtio' name='...'/>}: a named virtio-serial port. */
  public static CharDevTarget virtio(String name) { return builder().type("virtio").name(name).build(); }

  /** {@code <target type='guestfwd' address='...' port='N'/>}: guest TCP traffic to address:port goes to the host side. */
  public static CharDevTarget guestfwd(String address, int port) { return builder().type("guestfwd").address(address).port(port).build(); }

  @Value.Check protected void check() {
    if (type().orElse("").equals("guestfwd")) {
      if (address().isEmpty()) throw new InvalidSpecException("@address", "is required for a guestfwd channel");
      if (port().isEmpty()) throw new InvalidSpecException("@port", "is required for a guestfwd channel");
    }
  }

  /** Derives a changed copy; this value stays as it is. */
  public CharDevTarget copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CharDevTarget}. */
  public static class Builder extends ImmutableCharDevTarget.Builder {}
}
