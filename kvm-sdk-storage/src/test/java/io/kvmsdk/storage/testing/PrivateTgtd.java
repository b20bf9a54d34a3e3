package io.kvmsdk.storage.testing;

import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.Proc;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tgtd of the test's own, in the oracle network namespace ({@code $ORACLE_NETNS}, from
 * {@code scripts/oracles.sh start}), on control port {@code $TGT_CTRL_PORT + offset} and portal
 * {@code 127.0.0.1:port}: a daemon no other test or helper touches. tgtd 1.0.85 ignores SIGTERM
 * while targets exist, so {@link #close()} asks it to exit ({@code --op delete --mode system}) and
 * then kills it.
 */
public final class PrivateTgtd implements AutoCloseable {
  private final Process process;
  public final int controlPort;
  public final String portal;
  public final String netns;

  private PrivateTgtd(Process process, int controlPort, String portal, String netns) {
    this.process = process;
    this.controlPort = controlPort;
    this.portal = portal;
    this.netns = netns;
  }

  /** Skips (fails in CI) without root, tgtd or the oracle namespace. */
  public static PrivateTgtd start(int offset, int iscsiPort) {
    String ns = System.getenv("ORACLE_NETNS");
    String base = System.getenv("TGT_CTRL_PORT");
    Oracles.require(Proc.has("tgtd") && Proc.has("tgtadm"), "tgt (tgtd, tgtadm) is not installed");
    Oracles.require(ns != null && base != null, "no oracle namespace: run ORACLE_DIR=... ORACLE_NETNS=... TGT_CTRL_PORT=... scripts/oracles.sh start tgt and source its env");
    Oracles.require("0".equals(Proc.run("id", "-u").out().strip()), "tgtd needs root");
    int port = Integer.parseInt(base) + offset;
    String portal = "127.0.0.1:" + iscsiPort;
    Proc.run("tgtadm", "-C", String.valueOf(port), "--op", "delete", "--mode", "system");   // a leftover of a killed run
    try {
      Path log = Files.createTempFile("kvmsdk-tgtd", ".log");
      Process p = new ProcessBuilder("ip", "netns", "exec", ns, "tgtd", "-f", "-C", String.valueOf(port), "--iscsi", "portal=" + portal)
          .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      for (int i = 0; i < 100; i++) {
        if (Proc.run("tgtadm", "-C", String.valueOf(port), "--op", "show", "--mode", "sys").ok()) return new PrivateTgtd(p, port, portal, ns);
        if (!p.isAlive()) break;
        Thread.sleep(100);
      }
      p.destroyForcibly();
      throw new AssertionError("tgtd on control port " + port + " did not start: " + Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override public void close() {
    Proc.run("tgtadm", "-C", String.valueOf(controlPort), "--op", "delete", "--mode", "system");
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
