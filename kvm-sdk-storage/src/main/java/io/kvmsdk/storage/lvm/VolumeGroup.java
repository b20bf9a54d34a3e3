package io.kvmsdk.storage.lvm;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.storage.internal.Names;
import io.kvmsdk.storage.internal.Sh;
import io.kvmsdk.storage.internal.Sizes;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * An LVM volume group: the physical volumes it spans, its extent size and the logical volumes the
 * host itself needs (guest volumes are better left to the libvirt {@code logical} pool,
 * {@link #libvirtPool}). {@link #plan()} initialises each device ({@code pvcreate}), creates the
 * group ({@code vgcreate}) or adds devices it lacks ({@code vgextend}), then creates each logical
 * volume ({@code lvcreate}); each step checks first ({@code pvs}, {@code vgs}, {@code lvs}), so the
 * plan is idempotent. {@link #resizePlan} grows a volume ({@code lvextend}); LVM never shrinks one
 * here. Needs device-mapper in the kernel for the logical volumes.
 *
 * <pre>{@code
 * VolumeGroup vg = VolumeGroup.builder().name("vmdata").addDevice("/dev/sdb").addDevice("/dev/sdc")
 *     .addVolume(LogicalVolume.of("iso", Size.gib(20))).build();
 * vg.plan().apply(runner);
 * StoragePoolSpec pool = vg.libvirtPool("vmdata");
 * }</pre>
 */
@Value.Immutable
public abstract class VolumeGroup {
  /** LVM's default physical extent size. */
  public static final Size DEFAULT_EXTENT = Size.mib(4);

  public abstract String name();

  /** The physical volumes, e.g. {@code /dev/sdb}. */
  public abstract List<String> devices();

  /** The physical extent size ({@code vgcreate -s}), a power of two of at least 1 KiB; 4 MiB by default. */
  @Value.Default public Size extentSize() { return DEFAULT_EXTENT; }

  public abstract List<LogicalVolume> volumes();

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public VolumeGroup copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    Names.word("vg/name", name());
    if (name().equals(".") || name().equals("..") || name().startsWith("-")) throw new InvalidSpecException("vg/name", "LVM refuses " + Names.quoted(name()));
    if (devices().isEmpty()) throw new InvalidSpecException("vg/pv", "a volume group needs at least one physical volume");
    for (String d : devices()) {
      Names.path("vg/pv", d);
      if (!d.startsWith("/dev/")) throw new InvalidSpecException("vg/pv", "a physical volume is a device under /dev/, got " + Names.quoted(d));
    }
    if (devices().stream().distinct().count() != devices().size()) throw new InvalidSpecException("vg/pv", "a device is listed twice");
    long e = extentSize().bytes();
    if (e < 1024 || Long.bitCount(e) != 1) throw new InvalidSpecException("vg/extent_size", "must be a power of two of at least 1 KiB, got " + extentSize());
    if (volumes().stream().map(LogicalVolume::name).distinct().count() != volumes().size()) throw new InvalidSpecException("vg/lv/name", "a logical volume is listed twice");
    for (LogicalVolume lv : volumes()) {
      if (lv.size().bytes() % e != 0) {
        throw new InvalidSpecException("vg/lv[" + lv.name() + "]/size", "must be a multiple of the extent size (" + Sizes.human(e) + "): LVM would round "
            + Sizes.human(lv.size().bytes()) + " up and the plan's check would never match");
      }
      lv.stripes().ifPresent(s -> {
        if (s > devices().size()) throw new InvalidSpecException("vg/lv[" + lv.name() + "]/stripes", s + " stripes need " + s + " physical volumes, the group has " + devices().size());
      });
    }
  }

  /** The device path of logical volume {@code lv}: {@code /dev/NAME/LV}. */
  public String devicePath(String lv) { return "/dev/" + name() + "/" + lv; }

  private String lvPath(String lv) { return name() + "/" + lv; }

  /** Initialises the devices, creates or extends the group, creates the logical volumes; idempotent. */
  public Plan plan() {
    Plan.Builder p = Plan.builder();
    for (String d : devices()) {
      p.step(Step.builder("initialise physical volume " + d)
          .check(HostCommand.of("pvs", d))
          .change(HostCommand.of("pvcreate", d)));
    }
    List<String> create = new ArrayList<>(List.of("vgcreate"));
    if (!extentSize().equals(DEFAULT_EXTENT)) { create.add("-s"); create.add(Sizes.lvm(extentSize())); }
    create.add(name());
    create.addAll(devices());
    p.step(Step.builder("create volume group " + name() + " on " + String.join(" ", devices()))
        .check(HostCommand.of("vgs", name()))
        .change(HostCommand.of(create))
        .undo(HostCommand.of("vgremove", "-f", name())));
    for (String d : devices()) {
      p.step(Step.builder("add " + d + " to volume group " + name())
          .check(HostCommand.pipeline(List.of("pvs", "--noheadings", "-o", "vg_name", d), Sh.hasMatch("^ *" + Sh.ere(name()) + " *$")))
          .change(HostCommand.of("vgextend", name(), d)));
    }
    for (LogicalVolume lv : volumes()) {
      List<String> c = new ArrayList<>(List.of("lvcreate", "--yes", "-n", lv.name(), "-L", Sizes.lvm(lv.size())));
      lv.stripes().ifPresent(s -> { c.add("-i"); c.add(String.valueOf(s)); });
      c.add(name());
      p.step(Step.builder("create logical volume " + lvPath(lv.name()) + " of " + Sizes.human(lv.size().bytes()))
          .check(HostCommand.of("lvs", lvPath(lv.name())))
          .change(HostCommand.of(c))
          .undo(HostCommand.of("lvremove", "-f", lvPath(lv.name()))));
    }
    return p.build();
  }

  /** Grows logical volume {@code lv} to {@code size} ({@code lvextend}); skipped when it has that size. */
  public Plan resizePlan(String lv, Size size) {
    if (volumes().stream().noneMatch(v -> v.name().equals(lv))) throw new InvalidSpecException("vg/lv", name() + " has no logical volume " + Names.quoted(lv));
    if (size.bytes() % extentSize().bytes() != 0) throw new InvalidSpecException("vg/lv[" + lv + "]/size", "must be a multiple of the extent size (" + Sizes.human(extentSize().bytes()) + ")");
    return Plan.of(Step.builder("grow " + lvPath(lv) + " to " + Sizes.human(size.bytes()))
        .check(HostCommand.pipeline(List.of("lvs", "--noheadings", "--nosuffix", "--units", "b", "-o", "lv_size", lvPath(lv)), Sh.hasMatch("^ *" + size.bytes() + " *$")))
        .change(HostCommand.of("lvextend", "-L", Sizes.lvm(size), lvPath(lv)))
        .build());
  }

  /** The libvirt {@code logical} pool on this group: its volumes are logical volumes in {@code /dev/NAME}. */
  public StoragePoolSpec libvirtPool(String poolName) {
    return StoragePoolSpec.logical(poolName, name(), devices().toArray(String[]::new));
  }

  public static class Builder extends ImmutableVolumeGroup.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "vg/name");
    @Override public VolumeGroup build() { return REQUIRED.build(super::build); }
  }
}
