package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.common.Auth;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An RBD image of a {@link CephPool}: its size, features, an optional erasure-coded data pool,
 * snapshots, and a snapshot-based mirroring schedule (the seed's snapshot replication to a peer
 * cluster). {@link CephPool#rbdPlan()} creates it; {@link #disk} is the guest's network disk.
 */
@Value.Immutable
public abstract class RbdImage {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]+");
  private static final Pattern INTERVAL = Pattern.compile("[1-9][0-9]*[mhd]");

  public abstract String name();

  /** Size in MiB (what {@code rbd create --size N} means). */
  public abstract long sizeMib();

  /** {@code --image-feature}: e.g. layering, exclusive-lock, object-map, fast-diff (empty: the cluster's defaults). */
  public abstract List<String> features();

  /** {@code --data-pool}: an erasure-coded pool holding the data (the image's metadata stays in the replicated pool). */
  public abstract Optional<String> dataPool();

  /** Snapshots to create, in order. */
  public abstract List<String> snapshots();

  /** Snapshot mirroring: {@code rbd mirror image enable ... snapshot} and a schedule every {@code 15m}, {@code 1h}, {@code 1d}. */
  public abstract Optional<String> mirrorSnapshotInterval();

  public static RbdImage of(String name, long sizeMib) { return builder().name(name).sizeMib(sizeMib).build(); }

  public static Builder builder() { return new Builder(); }

  public RbdImage copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /**
   * The guest disk on this image: {@code <disk type='network'><source protocol='rbd' name='POOL/IMAGE'>}
   * with one {@code <host>} per monitor and {@code <auth username='USER'><secret type='ceph' usage='USAGE'/>}
   * (the key itself lives in the libvirt secret, see {@link CephPool#cephxSecret(String)}).
   */
  public Disk disk(String pool, String cephUser, String secretUsage, SourceHost... monitors) {
    if (monitors.length == 0) throw new InvalidSpecException("disk/source/host", "an rbd disk needs at least one monitor");
    return Disk.rbd(pool + "/" + name(), Auth.ceph(cephUser, secretUsage), monitors);
  }

  Plan plan(String pool) {
    String spec = pool + "/" + name();
    List<String> create = new ArrayList<>(List.of("rbd", "create", spec, "--size", String.valueOf(sizeMib())));
    if (!features().isEmpty()) {
      create.add("--image-feature");
      create.add(String.join(",", features()));
    }
    dataPool().ifPresent(d -> {
      create.add("--data-pool");
      create.add(d);
    });
    Plan.Builder p = Plan.builder();
    p.step(Step.builder("create RBD image " + spec + " (" + sizeMib() + " MiB)")
        .check(HostCommand.of("rbd", "info", spec)).change(HostCommand.of(create)).undo(HostCommand.of("rbd", "rm", spec)));
    for (String s : snapshots()) {
      p.step(Step.builder("snapshot " + spec + "@" + s).check(HostCommand.of("rbd", "info", spec + "@" + s))
          .change(HostCommand.of("rbd", "snap", "create", spec + "@" + s)).undo(HostCommand.of("rbd", "snap", "rm", spec + "@" + s)));
    }
    mirrorSnapshotInterval().ifPresent(i -> {
      p.step(Step.builder("mirror " + spec + " by snapshots").change(HostCommand.of("rbd", "mirror", "image", "enable", spec, "snapshot"))
          .undo(HostCommand.of("rbd", "mirror", "image", "disable", spec)));
      p.step(Step.builder("mirror snapshot of " + spec + " every " + i)
          .change(HostCommand.of("rbd", "mirror", "snapshot", "schedule", "add", "--pool", pool, "--image", name(), i))
          .undo(HostCommand.of("rbd", "mirror", "snapshot", "schedule", "remove", "--pool", pool, "--image", name(), i)));
    });
    return p.build();
  }

  @Value.Check protected void check() {
    String at = "image " + name();
    if (!NAME.matcher(name()).matches()) throw new InvalidSpecException("image/name", "an RBD image name is letters, digits, '.', '_', '+', '-', got '" + name() + "'");
    // 'rbd mirror snapshot schedule add --image NAME' passes it alone: a leading '-' would be read as an option
    if (name().startsWith("-")) throw new InvalidSpecException("image/name", CrushNames.noDash(name()));
    dataPool().ifPresent(d -> CrushNames.checkArg(at + "/data_pool", d));
    if (sizeMib() <= 0) throw new InvalidSpecException(at + "/size", "must be > 0 MiB, got " + sizeMib());
    for (String s : snapshots()) {
      if (!NAME.matcher(s).matches()) throw new InvalidSpecException(at + "/snapshot", "a snapshot name is letters, digits, '.', '_', '+', '-', got '" + s + "'");
    }
    if (snapshots().stream().distinct().count() != snapshots().size()) throw new InvalidSpecException(at + "/snapshot", "snapshot names repeat: " + snapshots());
    mirrorSnapshotInterval().ifPresent(i -> {
      if (!INTERVAL.matcher(i).matches()) throw new InvalidSpecException(at + "/mirror", "a schedule interval is a number and m, h or d (15m, 1h, 1d), got '" + i + "'");
    });
    if (mirrorSnapshotInterval().isPresent() && !features().isEmpty() && !features().contains("exclusive-lock")) {
      throw new InvalidSpecException(at + "/features", "snapshot mirroring needs the exclusive-lock feature, features are " + features());
    }
  }

  public static class Builder extends ImmutableRbdImage.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "image/name", "sizeMib", "image/size");
    @Override public RbdImage build() { return REQUIRED.build(super::build); }
  }
}
