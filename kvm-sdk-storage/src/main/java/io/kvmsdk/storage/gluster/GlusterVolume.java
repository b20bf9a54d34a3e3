package io.kvmsdk.storage.gluster;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.storage.internal.Names;
import io.kvmsdk.storage.internal.Sh;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A GlusterFS volume: its bricks, replica count (and arbiter), transport and options. {@link #plan(String)}
 * runs on one of the brick hosts: it probes the other hosts into the trusted pool (skipped when
 * {@code gluster pool list} has them), creates the volume unless {@code gluster volume info} knows
 * it, sets each option unless {@code gluster volume get} shows the value, and starts the volume
 * unless it is started. Every command runs with {@code --mode=script} (no prompts: replica 2's
 * split-brain question is answered for you, which is why replica 2 needs an arbiter here).
 *
 * <pre>{@code
 * GlusterVolume gv = GlusterVolume.builder().name("vmstore").replica(3)
 *     .addBrick(GlusterBrick.of("gl1", "/data/brick1/vmstore")).addBrick(GlusterBrick.of("gl2", "/data/brick1/vmstore"))
 *     .addBrick(GlusterBrick.of("gl3", "/data/brick1/vmstore"))
 *     .putOption("features.shard", "on").build();
 * gv.plan("gl1").apply(runnerOnGl1);
 * StoragePoolSpec pool = gv.libvirtPool("gluster-vms", "gl1", "/vms");
 * }</pre>
 */
@Value.Immutable
public abstract class GlusterVolume {
  public abstract String name();

  public abstract List<GlusterBrick> bricks();

  /** Copies of each file ({@code replica N}); absent for a distributed volume. */
  public abstract Optional<Integer> replica();

  /** An arbiter brick per replica set ({@code replica 3 arbiter 1}, written with the replica count that includes it). */
  @Value.Default public boolean arbiter() { return false; }

  @Value.Default public String transport() { return "tcp"; }

  /** Volume options ({@code gluster volume set}), e.g. {@code features.shard=on}, {@code performance.strict-o-direct=on}. */
  public abstract Map<String, String> options();

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public GlusterVolume copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    Names.word("volume/name", name());
    if (bricks().isEmpty()) throw new InvalidSpecException("volume/brick", "a volume needs at least one brick");
    if (bricks().stream().map(Object::toString).distinct().count() != bricks().size()) throw new InvalidSpecException("volume/brick", "a brick is listed twice");
    if (!Set.of("tcp", "rdma", "tcp,rdma").contains(transport())) throw new InvalidSpecException("volume/transport", "must be tcp, rdma or tcp,rdma, got " + Names.quoted(transport()));
    replica().ifPresent(r -> {
      if (r < 2) throw new InvalidSpecException("volume/replica", "must be at least 2, got " + r);
      if (bricks().size() % r != 0) {
        throw new InvalidSpecException("volume/brick", bricks().size() + " bricks are not a multiple of the replica count " + r + " (gluster: number of bricks is not a multiple of replica count)");
      }
      if (r == 2 && !arbiter()) throw new InvalidSpecException("volume/replica", "replica 2 splits brains: use replica 3, or replica 3 with an arbiter");
      for (int i = 0; i < bricks().size(); i += r) {
        Set<String> hosts = new LinkedHashSet<>();
        for (GlusterBrick b : bricks().subList(i, i + r)) {
          if (!hosts.add(b.host())) {
            throw new InvalidSpecException("volume/brick", "replica set " + (i / r + 1) + " has two bricks on " + b.host() + ": losing that host loses both copies");
          }
        }
      }
    });
    if (arbiter() && replica().orElse(0) != 3) throw new InvalidSpecException("volume/arbiter", "an arbiter goes with replica 3 (two data bricks and the arbiter)");
    options().forEach((k, v) -> {
      if (!k.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)+") || v.isEmpty() || v.contains(" ")) {
        throw new InvalidSpecException("volume/option/" + k, "must be section.name=value without blanks");
      }
    });
  }

  /** The distinct brick hosts, in order. */
  public List<String> hosts() { return bricks().stream().map(GlusterBrick::host).distinct().toList(); }

  private static List<String> gluster(String... args) {
    List<String> a = new ArrayList<>(List.of("gluster", "--mode=script"));
    a.addAll(List.of(args));
    return a;
  }

  /** The plan run on brick host {@code localHost}: peers, create, options, start; idempotent. */
  public Plan plan(String localHost) {
    if (!hosts().contains(localHost)) throw new InvalidSpecException("volume/brick/host", "run the plan on a brick host " + hosts() + ", not " + Names.quoted(localHost));
    Plan.Builder p = Plan.builder();
    for (String h : hosts()) {
      if (h.equals(localHost)) continue;
      p.step(Step.builder("probe " + h + " into the trusted pool")
          .check(HostCommand.pipeline(gluster("pool", "list"), Sh.hasMatch("\\s" + Sh.ere(h) + "\\s")))
          .change(HostCommand.of(gluster("peer", "probe", h))));
    }
    List<String> create = new ArrayList<>(gluster("volume", "create", name()));
    replica().ifPresent(r -> { create.add("replica"); create.add(String.valueOf(r)); });
    if (arbiter()) { create.add("arbiter"); create.add("1"); }
    create.add("transport");
    create.add(transport());
    bricks().forEach(b -> create.add(b.toString()));
    p.step(Step.builder("create volume " + name())
        .check(HostCommand.of(gluster("volume", "info", name())))
        .change(HostCommand.of(create))
        .undo(HostCommand.of(gluster("volume", "delete", name()))));
    options().forEach((k, v) -> p.step(Step.builder("set " + k + "=" + v + " on " + name())
        .check(HostCommand.pipeline(gluster("volume", "get", name(), k), Sh.hasMatch("^" + Sh.ere(k) + "\\s+" + Sh.ere(v) + "\\s*$")))
        .change(HostCommand.of(gluster("volume", "set", name(), k, v)))));
    p.step(Step.builder("start volume " + name())
        .check(HostCommand.pipeline(gluster("volume", "info", name()), Sh.hasLine("Status: Started")))
        .change(HostCommand.of(gluster("volume", "start", name())))
        .undo(HostCommand.of(gluster("volume", "stop", name()))));
    return p.build();
  }

  /** The libvirt {@code gluster} pool on this volume through {@code host}, below directory {@code dir} (null for the root). */
  public StoragePoolSpec libvirtPool(String poolName, String host, String dir) {
    Names.host("pool/source/host/@name", host);
    if (dir != null) Names.path("pool/source/dir/@path", dir);
    return StoragePoolSpec.gluster(poolName, host, name(), dir);
  }

  public static class Builder extends ImmutableGlusterVolume.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "volume/name");
    @Override public GlusterVolume build() { return REQUIRED.build(super::build); }
  }
}
