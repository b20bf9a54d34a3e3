package io.kvmsdk.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Where the tests' real oracles live, and what to do when one is missing: skip with a visible
 * reason on a developer's machine, fail under {@code -Dkvmsdk.requireTools=true} (CI).
 *
 * <p>A skip is an exception, so a test that reaches an oracle inside {@code assertThatThrownBy(() -> ...)}
 * (or any catch) would swallow it and fail or pass for the wrong reason. Every skip is therefore
 * also recorded, and {@link OracleSkipGuard} (registered for every test of every module that has
 * this test-jar on its class path) turns a test that met a missing oracle into a skip with its
 * reason (a failure under {@code kvmsdk.requireTools}), whatever the test did with the exception.
 * Tests still read their oracles before the lambda that expects a throw: the guard is the net.
 */
public final class Oracles {
  private Oracles() {}

  /** The reason of the last skip since the guard's last reset (tests run one at a time per JVM). */
  private static volatile String pendingSkip;

  /** Takes (and clears) the reason of a skip that happened since the last call, if any. */
  static String takePendingSkip() {
    String r = pendingSkip;
    pendingSkip = null;
    return r;
  }

  public static boolean required() { return Boolean.getBoolean("kvmsdk.requireTools") || "true".equals(System.getenv("KVMSDK_REQUIRE_TOOLS")); }

  /** Skips (or, in CI, fails) the current test with {@code reason} unless {@code ok}. */
  public static void require(boolean ok, String reason) {
    if (ok) return;
    if (pendingSkip == null) pendingSkip = reason;
    if (required()) throw new AssertionError("required oracle missing (kvmsdk.requireTools=true): " + reason);
    System.err.println("SKIPPED: " + reason);
    throw new TestAbortedException(reason);
  }

  /** The team's shared reference folder ({@code ../shared} next to the project), if present. */
  public static Optional<Path> shared() {
    String p = System.getProperty("kvmsdk.shared");
    if (p != null && Files.isDirectory(Path.of(p))) return Optional.of(Path.of(p).normalize());
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path s = dir.resolveSibling("shared");
      if (Files.isDirectory(s.resolve("corpus"))) return Optional.of(s);
    }
    return Optional.empty();
  }

  /** {@code ../shared/<rel>}, or a skip (failure in CI) naming what is missing. */
  public static Path sharedPath(String rel) {
    Optional<Path> s = shared();
    require(s.isPresent(), "../shared (the team's reference folder) is absent: corpus and schema tests need it");
    Path p = s.get().resolve(rel);
    require(Files.exists(p), p + " is absent");
    return p;
  }

  /** The directory of libvirt's RelaxNG schemas: ../shared's copy, or the one libvirt0 installs. */
  public static Path schemas() {
    Optional<Path> s = shared().map(p -> p.resolve("reference/libvirt-9.0.0-schemas")).filter(Files::isDirectory);
    if (s.isPresent()) return s.get();
    Path sys = Path.of("/usr/share/libvirt/schemas");
    require(Files.isDirectory(sys), "libvirt's RelaxNG schemas are absent (neither ../shared nor /usr/share/libvirt/schemas)");
    return sys;
  }
}
