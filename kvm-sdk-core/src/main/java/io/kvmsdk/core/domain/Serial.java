package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <serial>}: a serial port of the guest, connected to the host as {@link #type()} says. */
@Value.Immutable
public abstract class Serial implements CharDev {
  /** How the device is connected on the host ({@code type}): pty, dev, file, pipe, tcp, udp, unix, null, vc, stdio, spicevmc, spiceport, nmdm, qemu-vdagent, dbus. */
  public abstract Optional<String> type();

  /** Host side ({@code <source>}); two for {@code udp} (bind and connect), else at most one. */
  public abstract List<CharDevSource> sources();

  /** Wire protocol of a {@code tcp} device ({@code <protocol type='raw|telnet|telnets|tls'/>}). */
  public abstract Optional<String> protocol();

  /** Log file of the device ({@code <log>}). */
  public abstract Optional<CharDevLog> log();

  /** Guest side ({@code <target>}). */
  public abstract Optional<CharDevTarget> target();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** ACPI index of the device ({@code <acpi index='N'/>}). */
  public abstract Optional<Integer> acpiIndex();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A serial connected to the host by {@code type} through {@code source}. */
  public static Serial of(String type, CharDevSource source) { return builder().type(type).addSource(source).build(); }

  /** {@code <serial type='pty'/>}: a pseudo TTY, reachable with {@code virsh console}. */
  public static Serial pty() { return builder().type("pty").build(); }

  /** {@code <serial type='file'><source path='...'/></serial>}: output written to a host file. */
  public static Serial file(String path) { return of("file", CharDevSource.path(path)); }

  /** {@code <serial type='unix'><source mode='bind' path='...'/></serial>}: a unix socket server. */
  public static Serial unix(String path) { return of("unix", CharDevSource.unixBind(path)); }

  /** {@code <serial type='tcp'>} with the given source and {@code <protocol type='...'/>} (raw, telnet, telnets, tls). */
  public static Serial tcp(CharDevSource source, String protocol) { return builder().type("tcp").addSource(source).protocol(protocol).build(); }

  /** This serial with guest side {@code target}. */
  public Serial withTarget(CharDevTarget target) { return copy(b -> b.target(target)); }

  /** This serial also logging to {@code file} ({@code <log file='...'/>}). */
  public Serial withLog(String file) { return copy(b -> b.log(CharDevLog.of(file))); }

  @Value.Check protected void check() {
    CharDevRules.checkSources(type().orElse(null), sources(), false);
  }

  /** Derives a changed copy; this value stays as it is. */
  public Serial copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Serial}. */
  public static class Builder extends ImmutableSerial.Builder {}
}
