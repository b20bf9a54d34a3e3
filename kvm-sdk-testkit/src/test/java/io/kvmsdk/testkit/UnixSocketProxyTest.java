package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy against an echo daemon that counts the requests it carried out. */
class UnixSocketProxyTest {
  @TempDir Path dir;
  private ServerSocketChannel echo;
  private final AtomicInteger served = new AtomicInteger();
  private UnixSocketProxy proxy;

  @BeforeEach void startEcho() throws IOException {
    Path sock = dir.resolve("echo-sock");
    echo = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    echo.bind(UnixDomainSocketAddress.of(sock));
    Thread t = new Thread(() -> {
      while (true) {
        try {
          SocketChannel c = echo.accept();
          Thread w = new Thread(() -> {
            ByteBuffer b = ByteBuffer.allocate(1024);
            try {
              while (c.read(b.clear()) > 0) {
                served.incrementAndGet();
                c.write(b.flip());
              }
              c.close();
            } catch (IOException e) {
              // client gone
            }
          });
          w.setDaemon(true);
          w.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    proxy = UnixSocketProxy.start(dir.resolve("proxy-sock"), sock);
  }

  @AfterEach void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  private SocketChannel connect() throws IOException { return SocketChannel.open(UnixDomainSocketAddress.of(proxy.path())); }

  private static String call(SocketChannel c, String request) throws IOException {
    c.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
    ByteBuffer b = ByteBuffer.allocate(1024);
    int n = c.read(b);
    return n < 0 ? null : new String(b.array(), 0, n, StandardCharsets.UTF_8);
  }

  @Test void forwardsBothWaysAndCounts() throws IOException {
    try (SocketChannel c = connect()) {
      assertThat(call(c, "ping")).isEqualTo("ping");
      assertThat(call(c, "pong!")).isEqualTo("pong!");
    }
    assertThat(proxy.connections()).isEqualTo(1);
    assertThat(proxy.bytes()).isEqualTo(18);
    assertThat(proxy.dropped()).isZero();
  }

  @Test void dropAllClosesOpenConnectionsAndNewOnesWork() throws IOException {
    SocketChannel c = connect();
    assertThat(call(c, "a")).isEqualTo("a");
    proxy.dropAll();
    assertThat(proxy.dropped()).isEqualTo(1);
    assertThat(proxy.open()).isZero();
    // the client sees the connection closed: end of stream or a reset
    String after;
    try {
      after = call(c, "b");
    } catch (IOException e) {
      after = null;
    }
    assertThat(after).isNull();
    c.close();
    try (SocketChannel again = connect()) {
      assertThat(call(again, "c")).isEqualTo("c");
    }
  }

  @Test void aLostReplyWasCarriedOutButNeverArrives() throws IOException {
    try (SocketChannel c = connect()) {
      assertThat(call(c, "one")).isEqualTo("one");
      proxy.loseNextReply();
      String reply;
      try {
        reply = call(c, "two");
      } catch (IOException e) {
        reply = null;
      }
      assertThat(reply).isNull();
    }
    assertThat(served.get()).as("the daemon carried out the request whose reply was lost").isEqualTo(2);
    assertThat(proxy.repliesLost()).isEqualTo(1);
    assertThat(proxy.dropped()).isEqualTo(1);
  }

  @Test void delaysEachChunk() throws IOException {
    proxy.delay(Duration.ofMillis(150));
    try (SocketChannel c = connect()) {
      long t0 = System.nanoTime();
      assertThat(call(c, "slow")).isEqualTo("slow");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      proxy.delay(Duration.ZERO);
      t0 = System.nanoTime();
      assertThat(call(c, "fast")).isEqualTo("fast");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(150));
    }
  }

  @Test void closeRemovesTheSocket() {
    proxy.close();
    assertThat(Files.exists(proxy.path())).isFalse();
    proxy.close();
  }
}
