package io.kvmsdk.network.testing;

import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.Proc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A TCP listener in a namespace that answers each connection with the peer address it sees (a
 * python3 one-liner), and the client that prints that answer: how a test sees what NAT did.
 */
public final class PeerEcho implements AutoCloseable {
  private static final String SERVER = String.join("\n",
      "import socket, sys",
      "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
      "s.bind(('0.0.0.0', int(sys.argv[1]))); s.listen(8)",
      "print('ready', flush=True)",
      "while True:",
      "    c, a = s.accept()",
      "    c.sendall(a[0].encode()); c.close()");
  private static final String CLIENT = String.join("\n",
      "import socket, sys",
      "c = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=float(sys.argv[3]))",
      "print(c.recv(100).decode())");

  private final Process process;

  private PeerEcho(Process process) { this.process = process; }

  /** The python3 interpreter to use. */
  public static String python() { return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3"; }

  /** Starts a listener on {@code port} in {@code ns} and waits until it listens. */
  public static PeerEcho listen(Netns ns, int port) {
    try {
      Process p = new ProcessBuilder(ns.wrap(List.of(python(), "-c", SERVER, Integer.toString(port))))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = r.readLine();
      if (!"ready".equals(line)) {
        p.destroyForcibly();
        throw new AssertionError("the listener in " + ns + " did not start: " + line);
      }
      return new PeerEcho(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects from {@code ns} to {@code address:port}; the peer address the listener saw, or the client's error. */
  public static Proc.Result connect(Netns ns, String address, int port) {
    return connect(ns, address, port, 5);
  }

  /** As {@link #connect(Netns, String, int)}, giving up after {@code seconds}. */
  public static Proc.Result connect(Netns ns, String address, int port, int seconds) {
    return ns.exec(List.of(python(), "-c", CLIENT, address, Integer.toString(port), Integer.toString(seconds)), null);
  }

  @Override public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
