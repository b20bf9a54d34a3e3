package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <graphics>}: a display (VNC, SPICE, SDL, RDP, desktop, egl-headless, dbus). */
@Value.Immutable
public abstract class Graphics {
  /** {@code vnc}, {@code spice}, {@code sdl}, {@code rdp}, {@code desktop}, {@code egl-headless} or {@code dbus}. */
  public abstract Optional<String> type();

  /** TCP port; -1 (legacy) means auto-allocate. */
  public abstract Optional<Integer> port();

  /** SPICE TLS port. */
  public abstract Optional<Integer> tlsPort();

  public abstract Optional<Boolean> autoport();

  /** VNC WebSocket port; -1 means auto-allocate. */
  public abstract Optional<Integer> websocket();

  /** The listen address (mirrors the first {@code <listen type='address'>}). */
  public abstract Optional<String> listen();

  /** VNC unix socket path. */
  public abstract Optional<String> socket();

  /** VNC: allow-exclusive, force-shared or ignore. */
  public abstract Optional<String> sharePolicy();

  /** VNC power control. */
  public abstract Optional<Boolean> powerControl();

  /** The password in clear text; never shown by {@link #toString()}. */
  @Value.Redacted public abstract Optional<String> passwd();

  /** Password expiry, such as {@code 2010-04-09T15:51:00} (UTC). */
  public abstract Optional<String> passwdValidTo();

  public abstract Optional<String> keymap();

  /** keep, disconnect or fail. */
  public abstract Optional<String> connected();

  /** SPICE default channel mode: any, secure or insecure. */
  public abstract Optional<String> defaultMode();

  /** SDL/desktop display, such as {@code :0.0}. */
  public abstract Optional<String> display();

  /** SDL xauth file. */
  public abstract Optional<String> xauth();

  public abstract Optional<Boolean> fullscreen();

  /** RDP. */
  public abstract Optional<Boolean> replaceUser();

  /** RDP. */
  public abstract Optional<Boolean> multiUser();

  /** dbus bus address. */
  public abstract Optional<String> address();

  /** dbus peer-to-peer. */
  public abstract Optional<Boolean> p2p();

  public abstract List<GraphicsListen> listens();

  /** SPICE channels. */
  public abstract List<GraphicsChannel> channels();

  /** SPICE {@code <image compression='..'/>}. */
  public abstract Optional<String> imageCompression();

  /** SPICE {@code <jpeg compression='..'/>}. */
  public abstract Optional<String> jpegCompression();

  /** SPICE {@code <zlib compression='..'/>}. */
  public abstract Optional<String> zlibCompression();

  /** SPICE {@code <playback compression='on|off'/>}. */
  public abstract Optional<Boolean> playbackCompression();

  /** SPICE {@code <streaming mode='filter|all|off'/>}. */
  public abstract Optional<String> streamingMode();

  /** SPICE {@code <clipboard copypaste='yes|no'/>}. */
  public abstract Optional<Boolean> clipboardCopypaste();

  /** SPICE {@code <mouse mode='server|client'/>}. */
  public abstract Optional<String> mouseMode();

  /** SPICE {@code <filetransfer enable='yes|no'/>}. */
  public abstract Optional<Boolean> filetransferEnable();

  public abstract Optional<GraphicsGl> gl();

  /** {@code <audio id='..'/>}: the audio backend exported by VNC or dbus. */
  public abstract Optional<Integer> audioId();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Graphics copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A VNC server on an automatically allocated port. */
  public static Graphics vnc() { return builder().type("vnc").autoport(true).build(); }

  /** A SPICE server on automatically allocated ports. */
  public static Graphics spice() { return builder().type("spice").autoport(true).build(); }

  /** An SDL window. */
  public static Graphics sdl() { return builder().type("sdl").build(); }

  /** An egl-headless OpenGL display. */
  public static Graphics eglHeadless() { return builder().type("egl-headless").build(); }

  /** A D-Bus display. */
  public static Graphics dbus() { return builder().type("dbus").build(); }

  /** This display listening on {@code address} (both the attribute and the {@code <listen>} element). */
  public Graphics listenAddress(String address) {
    return copy(b -> b.listen(address).listens(java.util.List.of(GraphicsListen.address(address))));
  }

  /** This display on fixed port {@code port} (no autoport). */
  public Graphics fixedPort(int port) { return copy(b -> b.port(port).autoport(false)); }

  /** This display protected by {@code passwd}. */
  public Graphics password(String passwd) { return copy(b -> b.passwd(passwd)); }


  @Value.Check
  protected void check() {
    if (type().isEmpty()) throw new InvalidSpecException("@type", "is required (vnc, spice, sdl, rdp, desktop, egl-headless, dbus)");
    if (listen().isPresent() && !listens().isEmpty()) {
      GraphicsListen first = listens().get(0);
      if (first.type().equals(Optional.of("address")) && first.address().isPresent() && !first.address().equals(listen())) {
        throw new InvalidSpecException("@listen", "must match the address of the first <listen> element ('"
            + first.address().get() + "'), got '" + listen().get() + "'");
      }
    }
    for (int i = 0; i < listens().size(); i++) {
      GraphicsListen l = listens().get(i);
      if (l.type().isEmpty()) throw new InvalidSpecException("listen[" + (i + 1) + "]/@type", "is required (address, network, socket, none)");
      if (l.type().get().equals("network") && l.network().isEmpty()) {
        throw new InvalidSpecException("listen[" + (i + 1) + "]/@network", "is required for listen type 'network'");
      }
    }
  }

  /** The element as libvirt XML, with secrets such as passwords masked. */
  @Override public String toString() {
    return io.kvmsdk.core.xml.XmlWriter.writeRedacted(io.kvmsdk.core.internal.domain.NicCodecs.GRAPHICS.write(this));
  }

  /** Builds a {@link Graphics}. */
  public static class Builder extends ImmutableGraphics.Builder {}
}
