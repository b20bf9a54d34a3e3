package io.kvmsdk.ha.fake;

import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.host.FakeTool;
import java.util.List;

/** The fake tools the HA plans need, and a fake host that has them all. */
public final class HaFakes {
  private HaFakes() {}

  /** drbdadm, keepalived, pgrep and pkill (install, cmp, mv and rm are every fake host's own). */
  public static List<FakeTool> tools() {
    return List.of(new Drbdadm(), new Keepalived(), new ProcessTools());
  }

  /** A fake host named {@code name} (drbdadm and keepalived act for the host of that name) with {@link #tools()}. */
  public static FakeHost host(String name) {
    FakeHost h = FakeHost.create(name);
    for (FakeTool t : tools()) h.withTool(t);
    return h;
  }
}
