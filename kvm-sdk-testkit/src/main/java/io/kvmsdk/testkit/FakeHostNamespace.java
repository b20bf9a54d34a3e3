package io.kvmsdk.testkit;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one network namespace of a {@link FakeHost} holds now: links, bridges and their ports,
 * routes, sysctls. A live view (every call reads the current state); the values it returns are
 * immutable. Missing things fail with a message that lists what exists.
 */
public final class FakeHostNamespace {
  private final FakeHost host;
  private final String name;

  FakeHostNamespace(FakeHost host, String name) {
    this.host = host;
    this.name = name;
  }

  /** The namespace's name; {@code ""} for the host's own namespace. */
  public String name() { return name; }

  private <T> T read(Function<FakeHostSnapshot.Namespace, T> f) {
    FakeHostSnapshot.Namespace ns = host.snapshot().namespaces().get(name);
    if (ns == null) throw new NoSuchElementException("network namespace '" + name + "' does not exist on " + host.host() + " (it has " + host.namespaces() + ")");
    return f.apply(ns);
  }

  /** Every link, in creation order (with {@code lo}). */
  public List<FakeHostLink> links() { return read(FakeHostSnapshot.Namespace::links); }

  /** The link {@code name}, or empty. */
  public Optional<FakeHostLink> findLink(String linkName) {
    return links().stream().filter(l -> l.name().equals(linkName)).findFirst();
  }

  /** The link {@code name}; fails naming the links that exist when there is none. */
  public FakeHostLink link(String linkName) {
    return findLink(linkName).orElseThrow(() -> new NoSuchElementException("no link '" + linkName + "' in " + describe()
        + "; links: " + links().stream().map(FakeHostLink::name).collect(Collectors.toList())));
  }

  /** True when the link exists. */
  public boolean hasLink(String linkName) { return findLink(linkName).isPresent(); }

  /** Names of the bridges. */
  public List<String> bridges() {
    return links().stream().filter(FakeHostLink::isBridge).map(FakeHostLink::name).collect(Collectors.toUnmodifiableList());
  }

  /** Names of the links enslaved to {@code bridge}; fails if there is no such bridge. */
  public List<String> ports(String bridge) {
    FakeHostLink br = link(bridge);
    if (!br.isBridge()) throw new IllegalArgumentException("'" + bridge + "' in " + describe() + " is a " + br.type() + ", not a bridge");
    return links().stream().filter(l -> l.master().equals(Optional.of(bridge))).map(FakeHostLink::name)
        .collect(Collectors.toUnmodifiableList());
  }

  /** The routes of the main table, as {@code ip route show} orders them. */
  public List<FakeHostRoute> routes() { return read(FakeHostSnapshot.Namespace::routes); }

  /** The value of sysctl {@code key} (dots or slashes); fails if the key does not exist. */
  public String sysctl(String key) {
    String k = key.replace('/', '.');
    String v = read(ns -> ns.sysctls().get(k));
    if (v == null) v = host.snapshot().namespaces().get(FakeHostState.HOST_NS).sysctls().get(k);
    if (v == null) throw new NoSuchElementException("sysctl " + k + " does not exist in " + describe());
    return v;
  }

  /** This namespace's part of the snapshot. */
  public FakeHostSnapshot.Namespace snapshot() { return read(ns -> ns); }

  private String describe() { return (name.isEmpty() ? "the host namespace" : "namespace '" + name + "'") + " of " + host.host(); }

  @Override public String toString() { return "FakeHostNamespace[" + host.host() + (name.isEmpty() ? "" : ", " + name) + "]"; }
}
