package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <parallel>}: a parallel port of the guest. */
@Value.Immutable
public abstract class Parallel implements CharDev {
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

  /** A parallel connected to the host by {@code type} through {@code source}. */
  public static Parallel of(String type, CharDevSource source) { return builder().type(type).addSource(source).build(); }

  /** {@code <parallel type='pty'/>}. */
  public static Parallel pty() { return builder().type("pty").build(); }

  /** {@code <parallel type='file'><source path='...'/></parallel>}. */
  public static Parallel file(String path) { return of("file", CharDevSource.path(path)); }

  /** This parallel with guest side {@code target}. */
  public Parallel withTarget(CharDevTarget target) { return copy(b -> b.target(target)); }

  /** This parallel also logging to {@code file} ({@code <log file='...'/>}). */
  public Parallel withLog(String file) { return copy(b -> b.log(CharDevLog.of(file))); }

  @Value.Check protected void check() {
    CharDevRules.checkSources(type().orElse(null), sources(), false);
  }

  /** Derives a changed copy; this value stays as it is. */
  public Parallel copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Parallel}. */
  public static class Builder extends ImmutableParallel.Builder {}
}
