package io.kvmsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A dropped connection, provoked for real: the SDK talks to the private libvirtd through a unix
 * socket proxy in this test, and the proxy cuts every connection. The next call fails retryable,
 * the one after reconnects, and lifecycle listeners receive events again.
 */
class LibvirtReconnectTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");

  /** Forwards a unix socket to libvirtd's; {@link #cut()} closes every forwarded connection. */
  static final class Proxy implements AutoCloseable {
    final Path path = Path.of("/tmp", "kvmsdk-proxy-" + UUID.randomUUID().toString().substring(0, 8) + ".sock");
    final ServerSocketChannel server;
    final List<SocketChannel> open = new CopyOnWriteArrayList<>();

    Proxy(Path target) throws IOException {
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(path));
      Thread t = new Thread(() -> {
        try {
          while (true) {
            SocketChannel in = server.accept();
            SocketChannel out = SocketChannel.open(UnixDomainSocketAddress.of(target));
            open.add(in);
            open.add(out);
            pump(in, out);
            pump(out, in);
          }
        } catch (IOException closed) {
          // server closed
        }
      }, "proxy-accept");
      t.setDaemon(true);
      t.start();
    }

    void pump(SocketChannel from, SocketChannel to) {
      Thread t = new Thread(() -> {
        ByteBuffer b = ByteBuffer.allocate(65536);
        try {
          while (from.read(b) >= 0) {
            b.flip();
            while (b.hasRemaining()) to.write(b);
            b.clear();
          }
        } catch (IOException e) {
          // cut
        }
        closeQuietly(from);
        closeQuietly(to);
      }, "proxy-pump");
      t.setDaemon(true);
      t.start();
    }

    void cut() {
      open.forEach(Proxy::closeQuietly);
      open.clear();
    }

    static void closeQuietly(SocketChannel c) {
      try {
        c.close();
      } catch (IOException e) {
        // already closed
      }
    }

    String uri() { return "qemu:///system?socket=" + path; }

    @Override public void close() throws IOException {
      server.close();
      cut();
      Files.deleteIfExists(path);
    }
  }

  static Path daemonSocket() {
    Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start a private libvirtd with `bash scripts/oracles.sh start`");
    Matcher m = Pattern.compile("[?&]socket=([^&]+)").matcher(URI);
    Oracles.require(m.find(), "KVM_SDK_LIBVIRT_URI has no ?socket= parameter: " + URI);
    return Path.of(m.group(1));
  }

  static void waitUntil(java.util.function.BooleanSupplier cond, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cond.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(end);
      Thread.sleep(50);
    }
  }

  @Test void aDroppedConnectionIsRetryableAndTheNextCallReconnects() throws Exception {
    try (Proxy proxy = new Proxy(daemonSocket()); Kvm kvm = Kvm.connect(proxy.uri())) {
      assertThat(kvm.domains().list()).isNotNull();
      assertThat(kvm.isAlive()).isTrue();
      proxy.cut();
      assertThatThrownBy(() -> kvm.domains().list()).isInstanceOfSatisfying(LibvirtException.class, e -> {
        assertThat(e.retryable()).as(e.getMessage()).isTrue();
      });
      assertThat(kvm.isAlive()).isFalse();
      assertThat(kvm.domains().list()).isNotNull();   // reconnected through the proxy
      assertThat(kvm.isAlive()).isTrue();
    }
  }

  @Test void listenersAreReRegisteredAfterAReconnect() throws Exception {
    try (Proxy proxy = new Proxy(daemonSocket()); Kvm watched = Kvm.connect(proxy.uri()); Kvm actor = Kvm.connect(URI)) {
      String name = "kvmsdk-reconnect-" + UUID.randomUUID().toString().substring(0, 8);
      LinkedBlockingQueue<DomainEvent> seen = new LinkedBlockingQueue<>();
      try (KvmSubscription sub = watched.events().onLifecycle(e -> {
        if (e.domainName().equals(name)) seen.add(e);
      })) {
        proxy.cut();
        // with the event loop running, libvirt notices the EOF by itself (close callback)
        waitUntil(() -> !watched.isAlive(), "the SDK noticing the dropped connection");
        try {
          watched.domains().list();                    // reconnects and re-registers the listener
        } catch (LibvirtException e) {
          // the drop may still be reported once, as retryable: a caller retries, as here
          assertThat(e.retryable()).as(e.getMessage()).isTrue();
          watched.domains().list();
        }
        assertThat(watched.isAlive()).isTrue();
        Domain d = actor.domains().define(LibvirtDaemonTest.tcgGuest(name));
        d.undefine();
        DomainEvent first = seen.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.type()).isEqualTo(DomainEventType.DEFINED);
        DomainEvent second = seen.poll(10, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        assertThat(second.type()).isEqualTo(DomainEventType.UNDEFINED);
      } finally {
        actor.domains().find(name).ifPresent(Domain::undefine);
      }
    }
  }
}
