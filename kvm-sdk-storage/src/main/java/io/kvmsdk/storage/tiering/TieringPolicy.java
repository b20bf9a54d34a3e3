package io.kvmsdk.storage.tiering;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.storage.StorageVolume;
import io.kvmsdk.core.storage.StorageVolumeSpec;
import io.kvmsdk.storage.internal.Sizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where new volumes go among several tiers (an SSD pool and an HDD pool, say). The order a request
 * tries the tiers in: its pinned tier alone; else by profile — {@link IoProfile#LATENCY} fastest
 * first (but a volume larger than {@link #maxFastVolume()} starts on the slow tiers),
 * {@link IoProfile#THROUGHPUT} slowest first, {@link IoProfile#ARCHIVE} the slow tiers only. The
 * first tier whose pool keeps its reserve free after the volume is created gets it; with
 * {@link #spill()} off only the first choice is tried. {@link Placement#reasons()} says why.
 *
 * <pre>{@code
 * TieringPolicy policy = TieringPolicy.builder()
 *     .addTier(StorageTier.of("fast", Media.SSD, "ssd-pool"))
 *     .addTier(StorageTier.of("bulk", Media.HDD, "hdd-pool"))
 *     .maxFastVolume(Size.gib(200)).build();
 * Placement p = policy.place(kvm, VolumeRequest.of("db1", Size.gib(50), IoProfile.LATENCY));
 * StorageVolume v = policy.create(kvm, VolumeRequest.of("db1", Size.gib(50), IoProfile.LATENCY));
 * }</pre>
 */
@Value.Immutable
public abstract class TieringPolicy {
  /** The room a pool has: its capacity and what is available now, in bytes. */
  public record PoolSpace(long capacity, long available) {
    public static PoolSpace of(Size capacity, Size available) { return new PoolSpace(capacity.bytes(), available.bytes()); }
  }

  public abstract List<StorageTier> tiers();

  /** The largest volume a fast tier takes for a latency-sensitive request; no limit when absent. */
  public abstract Optional<Size> maxFastVolume();

  /** Whether a request moves on to its next tier when the preferred one is full. */
  @Value.Default public boolean spill() { return true; }

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public TieringPolicy copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    if (tiers().isEmpty()) throw new InvalidSpecException("tiering/tier", "a policy needs at least one tier");
    if (tiers().stream().map(StorageTier::name).distinct().count() != tiers().size()) throw new InvalidSpecException("tiering/tier/name", "a tier name is used twice");
    if (tiers().stream().map(StorageTier::poolName).distinct().count() != tiers().size()) throw new InvalidSpecException("tiering/tier/pool", "two tiers share a pool");
  }

  /** The tiers {@code r} tries, in order, with the reason for that order. */
  List<StorageTier> order(VolumeRequest r, List<String> reasons) {
    if (r.tier().isPresent()) {
      StorageTier t = tiers().stream().filter(x -> x.name().equals(r.tier().get())).findFirst()
          .orElseThrow(() -> new InvalidSpecException("volume[" + r.name() + "]/tier", "no tier named '" + r.tier().get() + "' (tiers: "
              + tiers().stream().map(StorageTier::name).toList() + ")"));
      reasons.add("pinned to tier " + t.name());
      return List.of(t);
    }
    Comparator<StorageTier> fastest = Comparator.comparing(StorageTier::media);
    List<StorageTier> sorted = new ArrayList<>(tiers());
    switch (r.profile()) {
      case LATENCY -> {
        boolean tooBig = maxFastVolume().map(m -> r.capacity().bytes() > m.bytes()).orElse(false);
        if (tooBig) {
          sorted.sort(Comparator.comparing((StorageTier t) -> t.media().fast()).thenComparing(fastest));
          reasons.add("latency profile, but " + human(r.capacity().bytes()) + " is more than the " + human(maxFastVolume().get().bytes())
              + " a fast tier takes: slow tiers first");
        } else {
          sorted.sort(fastest);
          reasons.add("latency profile: fastest tier first");
        }
      }
      case THROUGHPUT -> {
        sorted.sort(fastest.reversed());
        reasons.add("throughput profile: slowest tier first");
      }
      default -> {
        sorted.sort(fastest.reversed());
        sorted.removeIf(t -> t.media().fast() && tiers().stream().anyMatch(x -> !x.media().fast()));
        reasons.add("archive profile: slow tiers only");
      }
    }
    return spill() ? sorted : sorted.subList(0, 1);
  }

  private static String human(long bytes) { return Sizes.human(bytes); }

  /**
   * Places {@code r} given each pool's room ({@code space}, by pool name). Throws
   * {@link KvmException} naming every tier tried and the numbers when none has room.
   */
  public Placement place(VolumeRequest r, Map<String, PoolSpace> space) {
    List<String> reasons = new ArrayList<>();
    List<StorageTier> order = order(r, reasons);
    List<String> full = new ArrayList<>();
    for (StorageTier t : order) {
      PoolSpace s = space.get(t.poolName());
      if (s == null) {
        full.add(t.name() + ": pool " + t.poolName() + " not found");
        continue;
      }
      long keep = (long) Math.ceil(s.capacity() * t.reserve());
      long room = s.available() - keep;
      if (r.capacity().bytes() <= room) {
        if (!full.isEmpty()) reasons.add("spilled past " + String.join(", ", full));
        reasons.add(t.name() + " has " + human(Math.max(room, 0)) + " free beyond its " + Math.round(t.reserve() * 100) + "% reserve");
        return new Placement.Builder().tier(t).volume(volume(r, t, reasons)).reasons(reasons).build();
      }
      full.add(t.name() + " has " + human(Math.max(room, 0)) + " free beyond its " + Math.round(t.reserve() * 100) + "% reserve, needs " + human(r.capacity().bytes()));
    }
    throw new KvmException("no tier has room for " + r.name() + " (" + human(r.capacity().bytes()) + "): " + String.join("; ", full)
        + (spill() || r.tier().isPresent() ? "" : " (spilling is off)"));
  }

  private static StorageVolumeSpec volume(VolumeRequest r, StorageTier t, List<String> reasons) {
    List<String> formats = t.poolType().map(StorageVolumeSpec::volumeFormats).orElse(List.of("qcow2", "raw"));
    if (formats.isEmpty()) {
      reasons.add("a " + t.poolType().get() + " pool makes raw volumes");
      return StorageVolumeSpec.of(r.name(), r.capacity(), null);
    }
    if (r.format().equals("qcow2")) return StorageVolumeSpec.qcow2(r.name(), r.capacity());
    if (!formats.contains(r.format())) throw new InvalidSpecException("volume[" + r.name() + "]/format", "a " + t.poolType().orElse("") + " pool takes " + formats + ", not '" + r.format() + "'");
    return StorageVolumeSpec.of(r.name(), r.capacity(), r.format());
  }

  /** Places {@code r} by the room the tiers' pools on {@code kvm} report now (active pools only). */
  public Placement place(Kvm kvm, VolumeRequest r) {
    Map<String, PoolSpace> space = new LinkedHashMap<>();
    for (StorageTier t : tiers()) {
      kvm.pools().find(t.poolName()).filter(p -> p.isActive()).ifPresent(p -> {
        p.refresh();
        StoragePoolSpec live = p.liveSpec();
        space.put(t.poolName(), new PoolSpace(live.capacity().map(Size::bytes).orElse(0L), live.available().map(Size::bytes).orElse(0L)));
      });
    }
    return place(r, space);
  }

  /** Places {@code r} on {@code kvm} and creates the volume there. */
  public StorageVolume create(Kvm kvm, VolumeRequest r) {
    Placement p = place(kvm, r);
    return kvm.pools().get(p.poolName()).volumes().create(p.volume());
  }

  public static class Builder extends ImmutableTieringPolicy.Builder {}
}
