package io.kvmsdk.core.host;

import io.kvmsdk.core.CommandFailedException;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on this machine with {@link ProcessBuilder}: no shell is involved, the argv goes
 * to the program as is. stdout and stderr are read concurrently (no pipe deadlock) and capped at
 * {@link Builder#maxOutputBytes(int)} each (stdout keeps its head, stderr its tail). A command that
 * outlives its timeout is killed with its whole process tree and {@link KvmTimeoutException} is
 * thrown. Environment variables of a command without sudo are set in the child's environment
 * (so secret values stay out of {@code ps}); with sudo they are passed via {@code sudo -n -- env}.
 * Thread-safe.
 */
public final class LocalCommandRunner implements CommandRunner {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCommandRunner.class);
  /** Default cap on each captured stream. */
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
  /** How long to wait for the output pipes to close after the process exited (a daemonized child may hold them). */
  private static final long DRAIN_GRACE_MS = 2000;
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "kvmsdk-command-io-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private final int maxOutputBytes;
  private final Path workingDirectory;

  private LocalCommandRunner(Builder b) {
    this.maxOutputBytes = b.maxOutputBytes;
    this.workingDirectory = b.workingDirectory;
  }

  /** A runner with the defaults (4 MiB per captured stream, the JVM's working directory). */
  public static LocalCommandRunner create() { return builder().build(); }

  public static Builder builder() { return new Builder(); }

  @Override public String host() { return "localhost"; }

  @Override public CommandResult run(HostCommand command) {
    List<String> argv;
    Map<String, String> env;
    if (command.sudo()) {
      argv = command.commandLine().stream().map(Arg::value).collect(Collectors.toList());
      env = Map.of();
    } else {
      argv = command.argv();
      env = command.env().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
    }
    return execute(argv, env, command, host());
  }

  /**
   * Runs {@code argv} here on behalf of {@code shown} (the command people see and the result
   * carries), reporting {@code host} in results and errors. Used by {@link SshCommandRunner}.
   */
  CommandResult execute(List<String> argv, Map<String, String> env, HostCommand shown, String host) {
    checkEncodable(argv, shown, host);
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(env);
    if (workingDirectory != null) pb.directory(workingDirectory.toFile());
    LOG.trace("run on {}: {}", host, shown);
    long start = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new CommandFailedException(host, shown.maskedCommandLine(), CommandFailedException.NOT_STARTED,
          shown.redact(String.valueOf(e.getMessage())), null, false);
    }
    Capture out = new Capture(maxOutputBytes, false);
    Capture err = new Capture(maxOutputBytes, true);
    Future<?> outReader = IO.submit(() -> out.drain(p.getInputStream()));
    Future<?> errReader = IO.submit(() -> err.drain(p.getErrorStream()));
    byte[] stdin = shown.stdin().orElse(null);
    if (stdin == null) {
      closeQuietly(p.getOutputStream());
    } else {
      IO.submit(() -> {
        try (OutputStream os = p.getOutputStream()) {
          os.write(stdin);
        } catch (IOException ignored) {
          // the command closed its stdin early (broken pipe): its exit status tells the rest
        }
      });
    }
    Duration timeout = shown.timeout();
    boolean exited;
    try {
      exited = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      killTree(p);
      Thread.currentThread().interrupt();
      throw new KvmException("interrupted while running `" + shown + "` on " + host, e);
    }
    if (!exited) {
      killTree(p);
      LOG.debug("timed out after {} on {}, process tree killed: {}", timeout, host, shown);
      throw new KvmTimeoutException("command `" + shown + "` on " + host, timeout);
    }
    long drainUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_GRACE_MS);
    awaitQuietly(outReader, drainUntil);
    awaitQuietly(errReader, drainUntil);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    CommandResult r = new CommandResult(shown, host, p.exitValue(), out.bytes(), err.bytes(),
        out.truncated(), err.truncated(), took);
    LOG.trace("{}", r);
    return r;
  }

  private static void checkEncodable(List<String> argv, HostCommand shown, String host) {
    String jnu = System.getProperty("sun.jnu.encoding");
    Charset cs;
    try {
      cs = jnu == null ? Charset.defaultCharset() : Charset.forName(jnu);
    } catch (RuntimeException e) {
      return;
    }
    CharsetEncoder enc = cs.newEncoder();
    for (String a : argv) {
      if (!enc.canEncode(a)) {
        throw new CommandFailedException(host, shown.maskedCommandLine(), CommandFailedException.NOT_STARTED,
            "an argument cannot be encoded in the JVM's platform charset " + cs
                + " (start the JVM with a UTF-8 locale, e.g. LANG=C.UTF-8)");
      }
    }
  }

  /** Kills the process and every descendant (snapshotted first, since they are re-parented once their parent dies). */
  static void killTree(Process p) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    p.toHandle().descendants().forEach(tree::add);
    p.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    for (int round = 0; round < 3; round++) {
      List<ProcessHandle> more = new ArrayList<>();
      for (ProcessHandle h : tree) h.descendants().filter(d -> !tree.contains(d)).forEach(more::add);
      if (more.isEmpty()) break;
      more.forEach(ProcessHandle::destroyForcibly);
      tree.addAll(more);
    }
    try {
      p.onExit().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException ignored) {
      // reported by the caller as a timeout anyway
    }
  }

  private static void awaitQuietly(Future<?> f, long untilNanos) {
    try {
      f.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException ignored) {
      // a background child still holds the pipe: keep what was captured so far
    }
  }

  private static void closeQuietly(OutputStream os) {
    try {
      os.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  /** A bounded, thread-safe byte sink: keeps the head (stdout) or the tail (stderr). */
  static final class Capture {
    private final int max;
    private final boolean keepTail;
    private byte[] buf = new byte[0];
    private int len;
    private boolean truncated;

    Capture(int max, boolean keepTail) {
      this.max = max;
      this.keepTail = keepTail;
    }

    void drain(InputStream in) {
      byte[] chunk = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(chunk)) >= 0) append(chunk, n);
      } catch (IOException ignored) {
        // stream closed: keep what was read
      }
    }

    synchronized void append(byte[] b, int n) {
      if (!keepTail) {
        int take = Math.min(n, max - len);
        if (take < n) truncated = true;
        if (take > 0) {
          ensure(len + take);
          System.arraycopy(b, 0, buf, len, take);
          len += take;
        }
        return;
      }
      if (n >= max) {
        ensure(max);
        System.arraycopy(b, n - max, buf, 0, max);
        len = max;
        truncated = true;
        return;
      }
      if (len + n > max) {
        int drop = len + n - max;
        System.arraycopy(buf, drop, buf, 0, len - drop);
        len -= drop;
        truncated = true;
      }
      ensure(len + n);
      System.arraycopy(b, 0, buf, len, n);
      len += n;
    }

    private void ensure(int size) {
      if (size <= buf.length) return;
      int cap = Math.min(max, Math.max(size, Math.max(8192, buf.length * 2)));
      byte[] nb = new byte[cap];
      System.arraycopy(buf, 0, nb, 0, len);
      buf = nb;
    }

    synchronized byte[] bytes() { return java.util.Arrays.copyOf(buf, len); }

    synchronized boolean truncated() { return truncated; }
  }

  /** Builds a {@link LocalCommandRunner}. */
  public static final class Builder {
    private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
    private Path workingDirectory;

    private Builder() {}

    /** Cap on each captured stream (stdout keeps its first bytes, stderr its last). */
    public Builder maxOutputBytes(int max) {
      if (max <= 0) throw new IllegalArgumentException("maxOutputBytes must be positive, got " + max);
      this.maxOutputBytes = max;
      return this;
    }

    /** The directory commands start in (default: the JVM's). */
    public Builder workingDirectory(Path dir) { this.workingDirectory = Objects.requireNonNull(dir, "dir"); return this; }

    public LocalCommandRunner build() { return new LocalCommandRunner(this); }
  }
}
