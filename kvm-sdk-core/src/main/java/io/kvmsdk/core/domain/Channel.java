package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <channel>}: a private host-guest channel (QEMU guest agent, SPICE agent, guestfwd, ...); see {@link GuestAgent}. */
@Value.Immutable
public abstract class Channel implements CharDev {
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

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A channel connected to the host by {@code type} through {@code source}. */
  public static Channel of(String type, CharDevSource source) { return builder().type(type).addSource(source).build(); }

  /** {@code <channel type='unix'>} bound to {@code path}, exposed in the guest as virtio port {@code name}. */
  public static Channel unix(String path, String name) {
    return builder().type("unix").addSource(CharDevSource.unixBind(path)).target(CharDevTarget.virtio(name)).build();
  }

  /** {@code <channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel>}: the SPICE agent channel. */
  public static Channel spicevmc() { return builder().type("spicevmc").target(CharDevTarget.virtio("com.redhat.spice.0")).build(); }

  /** {@code <channel type='qemu-vdagent'>} with clipboard sharing and mouse mode ({@code server} or {@code client}). */
  public static Channel qemuVdagent(boolean copypaste, String mouseMode) {
    return builder().type("qemu-vdagent")
        .addSource(CharDevSource.builder().clipboardCopypaste(copypaste).mouseMode(mouseMode).build())
        .target(CharDevTarget.virtio("com.redhat.spice.0")).build();
  }

  /** This channel with guest side {@code target}. */
  public Channel withTarget(CharDevTarget target) { return copy(b -> b.target(target)); }

  /** This channel also logging to {@code file} ({@code <log file='...'/>}). */
  public Channel withLog(String file) { return copy(b -> b.log(CharDevLog.of(file))); }

  @Value.Check protected void check() {
    CharDevRules.checkSources(type().orElse(null), sources(), target().flatMap(CharDevTarget::type).filter(t -> t.equals("virtio") || t.equals("xen")).isPresent());
    String t = type().orElse("");
    if (t.equals("spicevmc") || t.equals("qemu-vdagent")) {
      if (target().flatMap(CharDevTarget::type).isEmpty()) throw new InvalidSpecException("target/@type", "is required for a " + t + " channel (type='virtio')");
      String tt = target().get().type().get();
      if (t.equals("spicevmc") && !tt.equals("virtio")) throw new InvalidSpecException("target/@type", "must be 'virtio' for a spicevmc channel, got '" + tt + "'");
    }
  }

  /** Derives a changed copy; this value stays as it is. */
  public Channel copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Channel}. */
  public static class Builder extends ImmutableChannel.Builder {}
}
