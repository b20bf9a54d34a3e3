package io.kvmsdk.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A scratch network namespace for a test ({@code kvmsdk-<what>-XXXXXX}), deleted on {@link #close()}
 * with everything in it: use in try-with-resources or an {@code @AfterEach}. Skips (fails under
 * -Dkvmsdk.requireTools=true) without root and iproute2.
 */
public final class Netns implements AutoCloseable {
  private final String name;

  private Netns(String name) { this.name = name; }

  public static Netns create() { return create("t"); }

  public static Netns create(String what) {
    Proc.requireRoot("a network namespace");
    Proc.require("ip");
    String n = "kvmsdk-" + what + "-" + UUID.randomUUID().toString().substring(0, 6);
    Proc.Result r = Proc.run("ip", "netns", "add", n);
    Oracles.require(r.ok(), "cannot create a network namespace: " + r);
    Netns ns = new Netns(n);
    ns.ip("link", "set", "lo", "up");
    return ns;
  }

  public String name() { return name; }

  /** Runs {@code ip -n NAME args...}; fails the test when it fails. */
  public Proc.Result ip(String... args) {
    List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
    argv.addAll(List.of(args));
    Proc.Result r = Proc.run(argv, null, 30);
    if (!r.ok()) throw new AssertionError(String.join(" ", argv) + ": " + r);
    return r;
  }

  /** Runs {@code argv} inside the namespace. */
  public Proc.Result exec(String... argv) { return exec(List.of(argv), null); }

  public Proc.Result exec(List<String> argv, String stdin) { return Proc.run(wrap(argv), stdin, 60); }

  /** Runs {@code argv} inside the namespace and fails the test unless it exits 0. */
  public Proc.Result execOk(String... argv) {
    Proc.Result r = exec(argv);
    if (!r.ok()) throw new AssertionError(String.join(" ", argv) + " in " + name + ": " + r);
    return r;
  }

  /** The argv that runs {@code argv} inside the namespace. */
  public List<String> wrap(List<String> argv) {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
    all.addAll(argv);
    return all;
  }

  /** A veth pair from this namespace ({@code here}) to {@code other} ({@code there}), both up. */
  public void vethTo(String here, Netns other, String there) {
    ip("link", "add", here, "type", "veth", "peer", "name", there, "netns", other.name);
    ip("link", "set", here, "up");
    other.ip("link", "set", there, "up");
  }

  /** A veth pair with both ends in this namespace, up. */
  public void vethPair(String a, String b) {
    ip("link", "add", a, "type", "veth", "peer", "name", b);
    ip("link", "set", a, "up");
    ip("link", "set", b, "up");
  }

  @Override public void close() { Proc.run("ip", "netns", "del", name); }

  @Override public String toString() { return name; }
}
