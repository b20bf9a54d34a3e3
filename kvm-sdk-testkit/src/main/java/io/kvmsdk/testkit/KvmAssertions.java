package io.kvmsdk.testkit;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainState;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Assertions for tests of automation, with failure messages that say what the world looks like
 * instead of {@code expected true}: where a domain really is in a {@link FakeCluster}, which state it
 * is in, what else runs on the host. They throw {@link AssertionError}, so they work with any test
 * framework; they read the fakes without triggering faults or events.
 *
 * <pre>{@code
 * KvmAssertions.assertDomainOn(cluster, "web1", "hv2", DomainState.RUNNING);
 * // AssertionError: expected domain 'web1' on host 'hv2' RUNNING, but it is on hv1 (RUNNING, persistent)
 * }</pre>
 */
public final class KvmAssertions {
  private KvmAssertions() {}

  /** Asserts domain {@code domain} is on host {@code host} of {@code cluster} in {@code state}, and nowhere else. */
  public static void assertDomainOn(FakeCluster cluster, String domain, String host, DomainState state) {
    Map<String, String> where = cluster.locate(domain);
    String here = where.get(host);
    boolean ok = here != null && here.startsWith(state + ",") && where.size() == 1;
    if (!ok) {
      throw new AssertionError("expected domain '" + domain + "' on host '" + host + "' " + state + ", but it is "
          + describe(where));
    }
  }

  /** Asserts domain {@code domain} exists on no host of {@code cluster}. */
  public static void assertDomainGone(FakeCluster cluster, String domain) {
    Map<String, String> where = cluster.locate(domain);
    if (!where.isEmpty()) throw new AssertionError("expected domain '" + domain + "' to be gone, but it is " + describe(where));
  }

  /** Asserts {@code domain} is in {@code state}; the message lists every domain of the connection and its state. */
  public static void assertState(Domain domain, DomainState state, Kvm on) {
    DomainState actual = on.domains().find(domain.name()).map(Domain::state).orElse(null);
    if (actual == state) return;
    StringJoiner all = new StringJoiner(", ", "[", "]");
    for (Domain d : on.domains().list()) all.add(d.name() + " " + d.state());
    throw new AssertionError("expected domain '" + domain.name() + "' on " + on.uri() + " to be " + state + ", but it is "
        + (actual == null ? "not there" : actual) + "; domains there: " + all);
  }

  /** The domain named {@code name} on {@code on}, or an assertion error listing what is there. */
  public static Domain assertDefined(Kvm on, String name) {
    Optional<Domain> d = on.domains().find(name);
    if (d.isPresent()) return d.get();
    StringJoiner all = new StringJoiner(", ", "[", "]");
    for (Domain x : on.domains().list()) all.add(x.name());
    throw new AssertionError("expected domain '" + name + "' on " + on.uri() + ", but it is not there; domains there: " + all);
  }

  private static String describe(Map<String, String> where) {
    if (where.isEmpty()) return "on no host of the cluster";
    StringJoiner j = new StringJoiner(", ", "on ", "");
    where.forEach((h, s) -> j.add(h + " (" + s + ")"));
    return j.toString();
  }
}
