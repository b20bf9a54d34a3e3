package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <console>}: an interactive console of the guest (the first serial port or a paravirtualized console). */
@Value.Immutable
public abstract class Console implements CharDev {
  /** How the device is connected on the host ({@code type}): pty, dev, file, pipe, tcp, udp, unix, null, vc, stdio, spicevmc, spiceport, nmdm, qemu-vdagent, dbus. */
  public abstract Optional<String> type();

  /** Path of the host pseudo TTY of a {@code pty} console ({@code tty}, output only). */
  public abstract Optional<String> tty();

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

  /** A console connected to the host by {@code type} through {@code source}. */
  public static Console of(String type, CharDevSource source) { return builder().type(type).addSource(source).build(); }

  /** {@code <console type='pty'/>}: libvirt's default console, the first serial port. */
  public static Console pty() { return builder().type("pty").build(); }

  /** {@code <console type='pty'><target type='serial'/></console>}: the emulated serial console. */
  public static Console serial() { return builder().type("pty").target(CharDevTarget.builder().type("serial").build()).build(); }

  /** {@code <console type='pty'><target type='virtio'/></console>}: a paravirtualized console ({@code /dev/hvc*}). */
  public static Console virtio() { return builder().type("pty").target(CharDevTarget.builder().type("virtio").build()).build(); }

  /** This console with guest side {@code target}. */
  public Console withTarget(CharDevTarget target) { return copy(b -> b.target(target)); }

  /** This console also logging to {@code file} ({@code <log file='...'/>}). */
  public Console withLog(String file) { return copy(b -> b.log(CharDevLog.of(file))); }

  @Value.Check protected void check() {
    CharDevRules.checkSources(type().orElse(null), sources(), false);
  }

  /** Derives a changed copy; this value stays as it is. */
  public Console copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Console}. */
  public static class Builder extends ImmutableConsole.Builder {}
}
