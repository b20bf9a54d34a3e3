package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <source>} of a character device (serial, console, parallel, channel, rng egd backend): the host side, one class for every host type. */
@Value.Immutable
public abstract class CharDevSource {
  /** {@code bind} (listen) or {@code connect} for tcp, udp and unix. */
  public abstract Optional<String> mode();

  /** Host path for dev, file, pipe, unix and pty. */
  public abstract Optional<String> path();

  /** Host name or address for tcp and udp. */
  public abstract Optional<String> host();

  /** Port for tcp and udp. */
  public abstract Optional<String> service();

  /** Whether a tcp device uses the host's chardev TLS environment ({@code tls='yes|no'}). */
  public abstract Optional<Boolean> tls();

  /** Spice port channel name ({@code spiceport}) or D-Bus channel ({@code dbus}). */
  public abstract Optional<String> channel();

  /** Master device of an {@code nmdm} pair. */
  public abstract Optional<String> master();

  /** Slave device of an {@code nmdm} pair. */
  public abstract Optional<String> slave();

  /** Whether a {@code file} keeps its content on restart ({@code append='on|off'}). */
  public abstract Optional<Boolean> append();

  /** Reconnect policy of a tcp or unix device in connect mode. */
  public abstract Optional<CharDevReconnect> reconnect();

  /** Per-device security label overrides ({@code <seclabel>}). */
  public abstract List<CharDevSeclabel> seclabels();

  /** qemu-vdagent clipboard sharing ({@code <clipboard copypaste='yes|no'/>}). */
  public abstract Optional<Boolean> clipboardCopypaste();

  /** qemu-vdagent mouse mode ({@code <mouse mode='server|client'/>}). */
  public abstract Optional<String> mouseMode();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <source path='...'/>}: a host path (file, dev, pipe, pty). */
  public static CharDevSource path(String path) { return builder().path(path).build(); }

  /** {@code <source mode='bind' host='...' service='...'/>}: listen on a tcp or udp port. */
  public static CharDevSource bind(String host, String service) { return builder().mode("bind").host(host).service(service).build(); }

  /** {@code <source mode='connect' host='...' service='...'/>}: connect to a tcp or udp port. */
  public static CharDevSource connect(String host, String service) { return builder().mode("connect").host(host).service(service).build(); }

  /** {@code <source mode='bind' path='...'/>}: listen on a unix socket. */
  public static CharDevSource unixBind(String path) { return builder().mode("bind").path(path).build(); }

  /** {@code <source mode='connect' path='...'/>}: connect to a unix socket. */
  public static CharDevSource unixConnect(String path) { return builder().mode("connect").path(path).build(); }

  /** {@code <source channel='...'/>}: a spice port channel. */
  public static CharDevSource spiceport(String channel) { return builder().channel(channel).build(); }

  /** This source, reconnecting after {@code seconds} when the connection is lost (connect mode only). */
  public CharDevSource withReconnect(int seconds) { return copy(b -> b.reconnect(CharDevReconnect.after(seconds))); }

  @Value.Check protected void check() {
    mode().ifPresent(m -> {
      if (!m.equals("bind") && !m.equals("connect")) throw new InvalidSpecException("@mode", "must be 'bind' or 'connect', got '" + m + "'");
    });
    if (mouseMode().isPresent() && !mouseMode().get().equals("server") && !mouseMode().get().equals("client")) {
      throw new InvalidSpecException("mouse/@mode", "must be 'server' or 'client', got '" + mouseMode().get() + "'");
    }
  }

  /** Derives a changed copy; this value stays as it is. */
  public CharDevSource copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CharDevSource}. */
  public static class Builder extends ImmutableCharDevSource.Builder {}
}
