package io.kvmsdk.storage.zfs;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.storage.internal.Names;
import io.kvmsdk.storage.internal.Sh;
import io.kvmsdk.storage.internal.Sizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A ZFS pool: its vdevs, pool properties ({@code zpool create -o}, e.g. {@code ashift=12}),
 * root dataset properties ({@code -O}, e.g. {@code compression=lz4}) and datasets/zvols.
 * {@link #plan()} creates the pool unless {@code zpool list} knows it, sets each root property
 * unless {@code zfs get} shows the value (so a pool made earlier converges), then creates each
 * dataset unless {@code zfs list} knows it. Needs the ZFS kernel module.
 *
 * <pre>{@code
 * ZfsPool tank = ZfsPool.builder().name("tank").addVdev(ZfsVdev.mirror("/dev/sdb", "/dev/sdc"))
 *     .putProperty("ashift", "12").putFsProperty("compression", "lz4").putFsProperty("atime", "off")
 *     .addVolume(ZfsVolume.filesystem("vms")).build();
 * StoragePoolSpec pool = tank.libvirtPool("tank-vms", "vms");   // guest volumes become zvols in tank/vms
 * }</pre>
 */
@Value.Immutable
public abstract class ZfsPool {
  /** The compression algorithms OpenZFS 2.1 accepts. */
  public static final Set<String> COMPRESSION = Set.of("on", "off", "lzjb", "gzip", "gzip-1", "gzip-2", "gzip-3", "gzip-4", "gzip-5",
      "gzip-6", "gzip-7", "gzip-8", "gzip-9", "zle", "lz4", "zstd", "zstd-fast");

  public abstract String name();

  public abstract List<ZfsVdev> vdevs();

  /** Pool properties ({@code -o}), e.g. {@code ashift=12}, {@code autotrim=on}. */
  public abstract Map<String, String> properties();

  /** Properties of the root dataset ({@code -O}), inherited by every dataset: {@code compression=lz4}, {@code atime=off}, ... */
  public abstract Map<String, String> fsProperties();

  public abstract List<ZfsVolume> volumes();

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public ZfsPool copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    Names.word("zpool/name", name());
    if (name().matches("(mirror|raidz[0-3]?|draid.*|spare|log|cache|special|dedup)") || name().matches("c[0-9].*")) {
      throw new InvalidSpecException("zpool/name", "ZFS reserves " + Names.quoted(name()));
    }
    if (vdevs().isEmpty()) throw new InvalidSpecException("zpool/vdev", "a pool needs at least one vdev");
    List<String> all = vdevs().stream().flatMap(v -> v.devices().stream()).toList();
    if (all.stream().distinct().count() != all.size()) throw new InvalidSpecException("zpool/vdev/device", "a device is in two vdevs");
    properties().forEach((k, v) -> {
      if (k.equals("ashift") && !v.matches("9|1[0-6]")) throw new InvalidSpecException("zpool/property/ashift", "must be 9-16, got " + Names.quoted(v));
      if (!k.matches("[a-z_:.]+") || v.isEmpty() || v.contains(" ")) throw new InvalidSpecException("zpool/property/" + k, "must be name=value without blanks");
    });
    checkProperties("zpool/fs_property", fsProperties());
    if (volumes().stream().map(ZfsVolume::name).distinct().count() != volumes().size()) throw new InvalidSpecException("zfs/dataset/name", "a dataset is listed twice");
    for (ZfsVolume v : volumes()) {
      int slash = v.name().lastIndexOf('/');
      if (slash > 0) {
        String parent = v.name().substring(0, slash);
        boolean before = volumes().stream().takeWhile(x -> x != v).anyMatch(x -> x.name().equals(parent) && x.size().isEmpty());
        if (!before) throw new InvalidSpecException("zfs/dataset[" + v.name() + "]", "its parent filesystem " + Names.quoted(parent) + " must be listed before it");
      }
    }
  }

  static void checkProperties(String field, Map<String, String> props) {
    props.forEach((k, v) -> {
      if (!k.matches("[a-z_:.]+") || v.isEmpty() || v.contains(" ")) throw new InvalidSpecException(field + "/" + k, "must be name=value without blanks");
      if (k.equals("compression") && !COMPRESSION.contains(v) && !v.matches("zstd-([1-9]|1[0-9])|zstd-fast-[0-9]+")) {
        throw new InvalidSpecException(field + "/compression", "must be one of " + COMPRESSION.stream().sorted().toList() + " (or zstd-N, zstd-fast-N), got " + Names.quoted(v));
      }
    });
  }

  /** Creates the pool, converges its root properties, creates the datasets; idempotent. */
  public Plan plan() {
    List<String> create = new ArrayList<>(List.of("zpool", "create"));
    properties().forEach((k, v) -> { create.add("-o"); create.add(k + "=" + v); });
    fsProperties().forEach((k, v) -> { create.add("-O"); create.add(k + "=" + v); });
    create.add(name());
    vdevs().forEach(v -> create.addAll(v.words()));
    Plan.Builder p = Plan.builder()
        .step(Step.builder("create zpool " + name())
            .check(HostCommand.of("zpool", "list", "-H", "-o", "name", name()))
            .change(HostCommand.of(create))
            .undo(HostCommand.of("zpool", "destroy", name())));
    fsProperties().forEach((k, v) -> p.step(property(name(), k, v)));
    for (ZfsVolume vol : volumes()) {
      String ds = name() + "/" + vol.name();
      List<String> c = new ArrayList<>(List.of("zfs", "create"));
      if (vol.sparse()) c.add("-s");
      vol.size().ifPresent(s -> { c.add("-V"); c.add(Sizes.zfs(s)); });
      vol.blockSize().ifPresent(b -> { c.add("-b"); c.add(Sizes.zfs(b)); });
      vol.properties().forEach((k, v) -> { c.add("-o"); c.add(k + "=" + v); });
      c.add(ds);
      p.step(Step.builder("create " + (vol.size().isPresent() ? "zvol " : "filesystem ") + ds)
          .check(HostCommand.of("zfs", "list", "-H", "-o", "name", ds))
          .change(HostCommand.of(c))
          .undo(HostCommand.of("zfs", "destroy", ds)));
      vol.properties().forEach((k, v) -> p.step(property(ds, k, v)));
    }
    return p.build();
  }

  private static Step property(String ds, String k, String v) {
    return Step.builder("set " + k + "=" + v + " on " + ds)
        .check(HostCommand.pipeline(List.of("zfs", "get", "-H", "-o", "value", k, ds), Sh.hasLine(v)))
        .change(HostCommand.of("zfs", "set", k + "=" + v, ds))
        .build();
  }

  /**
   * The libvirt {@code zfs} pool whose volumes are zvols in {@code dataset} of this pool (null or
   * empty for the pool's root dataset).
   */
  public StoragePoolSpec libvirtPool(String poolName, String dataset) {
    String source = dataset == null || dataset.isEmpty() ? name() : name() + "/" + dataset;
    if (dataset != null && !dataset.isEmpty() && volumes().stream().noneMatch(v -> v.name().equals(dataset) && v.size().isEmpty())) {
      throw new InvalidSpecException("zfs/dataset", name() + " has no filesystem " + Names.quoted(dataset) + " for the pool's zvols");
    }
    return StoragePoolSpec.zfs(poolName, source);
  }

  public static class Builder extends ImmutableZfsPool.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "zpool/name");
    @Override public ZfsPool build() { return REQUIRED.build(super::build); }
  }
}
