package io.kvmsdk.testkit;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A proxy between a client and a daemon's unix socket (libvirtd's {@code libvirt-sock}) that drops and
 * delays connections on demand: the real daemon's faults, the way {@link Fault} gives them to the
 * fakes. Listens on a new socket, forwards each connection to the target socket (one thread per
 * direction) and counts what it did. Point the client at it, e.g.
 * {@code qemu:///system?socket=/tmp/x/proxy-sock}. Thread-safe; {@link #close()} stops it and
 * removes its socket file.
 *
 * <pre>{@code
 * try (UnixSocketProxy proxy = UnixSocketProxy.start(dir.resolve("proxy-sock"), Path.of("/run/libvirt/libvirt-sock"));
 *      Kvm kvm = Kvm.connect("qemu:///system?socket=" + proxy.path())) {
 *   proxy.dropAll();          // the next call fails retryably, the one after reconnects
 *   proxy.loseNextReply();    // the next request reaches libvirtd, its reply does not come back
 *   proxy.delay(Duration.ofMillis(200));
 * }
 * }</pre>
 */
public final class UnixSocketProxy implements AutoCloseable {
  private final Path path;
  private final Path target;
  private final ServerSocketChannel server;
  private final Thread acceptor;
  private final List<Pair> open = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean loseNextReply = new AtomicBoolean();
  private volatile Duration delay = Duration.ZERO;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicInteger repliesLost = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  private UnixSocketProxy(Path path, Path target) throws IOException {
    this.path = path;
    this.target = target;
    Files.deleteIfExists(path);
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    this.acceptor = new Thread(this::acceptLoop, "unix-proxy-accept " + path.getFileName());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a proxy listening on {@code listen} (a new socket file; an old one is replaced) that
   * forwards every connection to the unix socket {@code target}.
   *
   * @throws java.io.UncheckedIOException if it cannot listen
   */
  public static UnixSocketProxy start(Path listen, Path target) {
    try {
      return new UnixSocketProxy(Objects.requireNonNull(listen, "listen"), Objects.requireNonNull(target, "target"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot listen on " + listen, e);
    }
  }

  /** The socket clients connect to. */
  public Path path() { return path; }

  /** The socket it forwards to. */
  public Path target() { return target; }

  /** Closes every open connection (both ends), as a daemon restart or a network cut would; new ones are accepted. */
  public void dropAll() {
    List<Pair> now;
    synchronized (open) { now = new ArrayList<>(open); }
    for (Pair p : now) p.close(true);
  }

  /**
   * The next data the daemon sends (normally the reply to the request in flight, which the daemon
   * has then carried out) is not forwarded: its connection is closed instead.
   */
  public void loseNextReply() { loseNextReply.set(true); }

  /** From now on each chunk forwarded, either way, waits {@code d} first ({@link Duration#ZERO}: none). */
  public void delay(Duration d) {
    if (d.isNegative()) throw new IllegalArgumentException("delay must not be negative, got " + d);
    this.delay = d;
  }

  /** Connections accepted so far. */
  public int connections() { return connections.get(); }

  /** Connections {@link #dropAll()} or {@link #loseNextReply()} closed. */
  public int dropped() { return dropped.get(); }

  /** Replies {@link #loseNextReply()} kept from the client. */
  public int repliesLost() { return repliesLost.get(); }

  /** Bytes forwarded (or being forwarded), both ways. */
  public long bytes() { return bytes.get(); }

  /** Connections open now. */
  public int open() { synchronized (open) { return open.size(); } }

  @Override public void close() {
    if (!closed.compareAndSet(false, true)) return;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    List<Pair> now;
    synchronized (open) { now = new ArrayList<>(open); }
    now.forEach(Pair::close);
    try {
      acceptor.join(2000);
      Files.deleteIfExists(path);
    } catch (IOException | InterruptedException ignored) {
      // best effort
    }
  }

  @Override public String toString() {
    return "UnixSocketProxy[" + path + " -> " + target + ", " + connections() + " connections, " + dropped() + " dropped, "
        + repliesLost() + " replies lost]";
  }

  private void acceptLoop() {
    while (!closed.get()) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;   // closed
      }
      SocketChannel upstream;
      try {
        upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
      } catch (IOException e) {
        quietly(client);
        continue;
      }
      connections.incrementAndGet();
      Pair p = new Pair(client, upstream);
      synchronized (open) { open.add(p); }
      p.pump(client, upstream, false, "up");
      p.pump(upstream, client, true, "down");
    }
  }

  private static void quietly(SocketChannel c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  /** One proxied connection. */
  private final class Pair {
    final SocketChannel client;
    final SocketChannel upstream;
    final AtomicBoolean done = new AtomicBoolean();

    Pair(SocketChannel client, SocketChannel upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    /** Closes both ends; true the first time. */
    boolean close() { return close(false); }

    /** Closes both ends, a drop counted first when {@code drop} (so a client that sees the close sees the count); true the first time. */
    boolean close(boolean drop) {
      if (!done.compareAndSet(false, true)) return false;
      if (drop) dropped.incrementAndGet();
      quietly(client);
      quietly(upstream);
      synchronized (open) { open.remove(this); }
      return true;
    }

    void pump(SocketChannel from, SocketChannel to, boolean fromDaemon, String way) {
      Thread t = new Thread(() -> {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        try {
          while (!done.get()) {
            buf.clear();
            if (from.read(buf) < 0) break;
            if (fromDaemon && loseNextReply.compareAndSet(true, false)) {
              repliesLost.incrementAndGet();
              close(true);
              return;
            }
            Duration d = delay;
            if (!d.isZero()) Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            buf.flip();
            bytes.addAndGet(buf.remaining());   // counted before it goes, so a peer that has it sees it counted
            while (buf.hasRemaining()) to.write(buf);
          }
        } catch (IOException | InterruptedException e) {
          // the other side closed, or dropAll did
        }
        close();
      }, "unix-proxy-" + way + " " + path.getFileName());
      t.setDaemon(true);
      t.start();
    }
  }
}
