package io.kvmsdk.network.ovs;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.network.internal.IfaceNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code ovs-vsctl} finds the OVSDB: {@link #standard()} (no {@code --db}, ovs-vsctl's own
 * default: the system's {@code unix:/var/run/openvswitch/db.sock}) or an explicit remote such as
 * {@code unix:/tmp/ovs/db.sock}; with the timeout every call gets ({@code --timeout}, default 10 s:
 * an ovs-vsctl waiting for a dead ovs-vswitchd must not hang a plan).
 */
public final class OvsDb {
  private static final OvsDb STANDARD = new OvsDb(null, Duration.ofSeconds(10));

  private final String remote;
  private final Duration timeout;

  private OvsDb(String remote, Duration timeout) {
    this.remote = remote;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.toSeconds() < 1) throw new io.kvmsdk.core.InvalidSpecException("ovsdb/@timeout", "must be at least 1 s, got " + timeout);
  }

  /** ovs-vsctl's own default database (the host's ovsdb-server). */
  public static OvsDb standard() { return STANDARD; }

  /** The database at {@code remote}, e.g. {@code unix:/tmp/ovs/db.sock} or {@code tcp:127.0.0.1:6640}. */
  public static OvsDb of(String remote) {
    Objects.requireNonNull(remote, "remote");
    if (!remote.matches("(unix:/[A-Za-z0-9_./+-]+|tcp:[A-Za-z0-9_.:\\[\\]-]+|ssl:[A-Za-z0-9_.:\\[\\]-]+)")) {
      throw new io.kvmsdk.core.InvalidSpecException("ovsdb/@remote", "must be unix:/PATH, tcp:HOST:PORT or ssl:HOST:PORT, got '" + remote + "'");
    }
    return new OvsDb(remote, STANDARD.timeout);
  }

  /** The same database with another per-call timeout. */
  public OvsDb withTimeout(Duration timeout) { return new OvsDb(remote, timeout); }

  /** The {@code --db} remote, empty for ovs-vsctl's default. */
  public Optional<String> remote() { return Optional.ofNullable(remote); }

  public Duration timeout() { return timeout; }

  /** {@code ovs-vsctl [--db=R] --timeout=T ARGS...}. */
  public HostCommand vsctl(String... args) { return vsctl(List.of(args)); }

  /** {@code ovs-vsctl [--db=R] --timeout=T ARGS...}. */
  public HostCommand vsctl(List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add("ovs-vsctl");
    if (remote != null) argv.add("--db=" + remote);
    argv.add("--timeout=" + timeout.toSeconds());
    argv.addAll(args);
    return HostCommand.builder().args(argv).timeout(timeout.plusSeconds(5)).build();
  }

  /** Checks an OVS record name (bridge, port, mirror). */
  public static String name(String field, String name) { return IfaceNames.word(field, name); }

  @Override public boolean equals(Object o) {
    return o instanceof OvsDb && Objects.equals(((OvsDb) o).remote, remote) && ((OvsDb) o).timeout.equals(timeout);
  }

  @Override public int hashCode() { return Objects.hash(remote, timeout); }

  @Override public String toString() { return "OvsDb[" + (remote == null ? "default" : remote) + ", timeout " + timeout.toSeconds() + " s]"; }
}
