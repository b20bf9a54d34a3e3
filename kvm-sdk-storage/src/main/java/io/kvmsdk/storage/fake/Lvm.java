package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * LVM 2.03's commands as the LVM plans use them: {@code pvcreate}, {@code vgcreate [-s SIZE]},
 * {@code vgextend}, {@code vgremove -f}, {@code lvcreate [--yes] -n NAME -L SIZE [-i N] VG},
 * {@code lvextend -L SIZE VG/LV}, {@code lvremove -f}, and the reports {@code pvs}, {@code vgs},
 * {@code lvs} (with {@code --noheadings}, {@code --nosuffix}, {@code --units b}, {@code -o FIELD}),
 * on the disks of {@link BlockDevices}. Sizes round up to whole extents; a volume group keeps one
 * extent per physical volume for metadata (1 MiB, LVM's default metadata area). Messages and exit
 * code 5 are LVM's. A created logical volume appears as {@code /dev/VG/LV}. Not proven against
 * the real tools (lvm2 is not installed here, and lvcreate needs device-mapper).
 */
public final class Lvm implements FakeTool {
  public static final FakeToolSlot<State> STATE = FakeToolSlot.of("lvm", State::new);
  private static final long MIB = 1L << 20;

  /** Physical volumes, groups and logical volumes; on disk, so they survive a reboot. */
  public static final class State implements FakeToolState<State> {
    /** PV path to its group ("" when none). */
    final Map<String, String> pvs = new TreeMap<>();
    final Map<String, Long> extent = new TreeMap<>();
    /** "VG/LV" to its size in bytes. */
    final Map<String, Long> lvs = new TreeMap<>();

    public List<String> physicalVolumes() { return List.copyOf(pvs.keySet()); }

    public Optional<String> groupOf(String pv) { return Optional.ofNullable(pvs.get(pv)).filter(s -> !s.isEmpty()); }

    public List<String> groups() { return List.copyOf(extent.keySet()); }

    public Optional<Long> volumeSize(String vgLv) { return Optional.ofNullable(lvs.get(vgLv)); }

    @Override public State copy() {
      State s = new State();
      s.pvs.putAll(pvs);
      s.extent.putAll(extent);
      s.lvs.putAll(lvs);
      return s;
    }

    @Override public List<String> describe() {
      List<String> out = new ArrayList<>();
      pvs.forEach((k, v) -> out.add("pv " + k + (v.isEmpty() ? "" : " in " + v)));
      extent.forEach((k, v) -> out.add("vg " + k + " extent " + v));
      lvs.forEach((k, v) -> out.add("lv " + k + " " + v));
      return out;
    }

    @Override public Optional<State> afterReboot() { return Optional.of(copy()); }
  }

  @Override public Set<String> names() { return Set.of("pvcreate", "vgcreate", "vgextend", "vgremove", "lvcreate", "lvextend", "lvremove", "pvs", "vgs", "lvs"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    String prog = command.argv().get(0).substring(command.argv().get(0).lastIndexOf('/') + 1);
    List<String> a = new ArrayList<>(command.argv().subList(1, command.argv().size()));
    State s = ctx.state(STATE);
    BlockDevices disks = ctx.state(BlockDevices.SLOT);
    return switch (prog) {
      case "pvcreate" -> pvcreate(s, disks, a, ctx);
      case "vgcreate" -> vgcreate(s, disks, a, ctx);
      case "vgextend" -> vgextend(s, disks, a, ctx);
      case "vgremove" -> vgremove(s, a, ctx);
      case "lvcreate" -> lvcreate(s, disks, a, ctx);
      case "lvextend" -> lvextend(s, disks, a, ctx);
      case "lvremove" -> lvremove(s, a, ctx);
      default -> report(prog, s, disks, a, ctx);
    };
  }

  private static RuntimeException fail(FakeToolContext ctx, String msg) { return ctx.fail(5, msg); }

  /** LVM's size argument in bytes: a number with an optional unit (lowercase binary, b bytes, s sectors); MiB by default. */
  static long size(String v, FakeToolContext ctx) {
    String t = v.toLowerCase(Locale.ROOT);
    char u = Character.isDigit(t.charAt(t.length() - 1)) ? 'm' : t.charAt(t.length() - 1);
    String n = Character.isDigit(t.charAt(t.length() - 1)) ? t : t.substring(0, t.length() - 1);
    long mult = switch (u) {
      case 'b' -> 1;
      case 's' -> 512;
      case 'k' -> 1L << 10;
      case 'm' -> 1L << 20;
      case 'g' -> 1L << 30;
      case 't' -> 1L << 40;
      default -> throw ctx.fail(3, "  Invalid argument for --size: " + v);
    };
    try {
      return (long) (Double.parseDouble(n) * mult);
    } catch (NumberFormatException e) {
      throw ctx.fail(3, "  Invalid argument for --size: " + v);
    }
  }

  private static String opt(List<String> a, String... names) {
    for (int i = 0; i < a.size() - 1; i++) {
      for (String n : names) {
        if (a.get(i).equals(n)) {
          String v = a.remove(i + 1);
          a.remove(i);
          return v;
        }
      }
    }
    return null;
  }

  private static void flags(List<String> a, String... names) { a.removeAll(List.of(names)); }

  private static CommandResult pvcreate(State s, BlockDevices disks, List<String> a, FakeToolContext ctx) {
    flags(a, "-y", "--yes", "-f");
    StringBuilder out = new StringBuilder();
    for (String d : a) {
      if (disks.size(d).isEmpty()) throw fail(ctx, "  No device found for " + d + ".");
      String vg = s.pvs.get(d);
      if (vg != null && !vg.isEmpty()) throw fail(ctx, "  Can't initialize physical volume \"" + d + "\" of volume group \"" + vg + "\" without -ff\n  " + d + ": physical volume not initialized.");
      s.pvs.put(d, "");
      out.append("  Physical volume \"").append(d).append("\" successfully created.\n");
    }
    return ctx.ok(out.toString());
  }

  private static CommandResult vgcreate(State s, BlockDevices disks, List<String> a, FakeToolContext ctx) {
    String ext = opt(a, "-s", "--physicalextentsize");
    flags(a, "-y", "--yes");
    if (a.size() < 2) throw ctx.fail(3, "  Please provide volume group name and physical volumes");
    String vg = a.get(0);
    if (s.extent.containsKey(vg)) throw fail(ctx, "  A volume group called " + vg + " already exists.");
    StringBuilder out = new StringBuilder();
    for (String d : a.subList(1, a.size())) {
      if (disks.size(d).isEmpty()) throw fail(ctx, "  No device found for " + d + ".");
      String other = s.pvs.get(d);
      if (other != null && !other.isEmpty()) {
        throw fail(ctx, "  Physical volume '" + d + "' is already in volume group '" + other + "'\n  Unable to add physical volume '" + d + "' to volume group '" + vg + "'\n  " + d + ": physical volume not initialized.");
      }
      if (other == null) out.append("  Physical volume \"").append(d).append("\" successfully created.\n");
      s.pvs.put(d, vg);
    }
    s.extent.put(vg, ext == null ? 4 * MIB : size(ext, ctx));
    out.append("  Volume group \"").append(vg).append("\" successfully created\n");
    return ctx.ok(out.toString());
  }

  private static CommandResult vgextend(State s, BlockDevices disks, List<String> a, FakeToolContext ctx) {
    flags(a, "-y", "--yes");
    String vg = a.get(0);
    if (!s.extent.containsKey(vg)) throw fail(ctx, "  Volume group \"" + vg + "\" not found\n  Cannot process volume group " + vg);
    StringBuilder out = new StringBuilder();
    for (String d : a.subList(1, a.size())) {
      if (disks.size(d).isEmpty()) throw fail(ctx, "  No device found for " + d + ".");
      String other = s.pvs.get(d);
      if (vg.equals(other)) throw fail(ctx, "  Physical volume '" + d + "' is already in volume group '" + vg + "'\n  Unable to add physical volume '" + d + "' to volume group '" + vg + "'");
      if (other != null && !other.isEmpty()) throw fail(ctx, "  Physical volume '" + d + "' is already in volume group '" + other + "'\n  Unable to add physical volume '" + d + "' to volume group '" + vg + "'");
      if (other == null) out.append("  Physical volume \"").append(d).append("\" successfully created.\n");
      s.pvs.put(d, vg);
    }
    return ctx.ok(out.append("  Volume group \"").append(vg).append("\" successfully extended\n").toString());
  }

  private static CommandResult vgremove(State s, List<String> a, FakeToolContext ctx) {
    flags(a, "-f", "-y", "--yes");
    String vg = a.get(0);
    if (!s.extent.containsKey(vg)) throw fail(ctx, "  Volume group \"" + vg + "\" not found\n  Cannot process volume group " + vg);
    StringBuilder out = new StringBuilder();
    for (String lv : List.copyOf(s.lvs.keySet())) {
      if (lv.startsWith(vg + "/")) {
        s.lvs.remove(lv);
        ctx.deleteFile("/dev/" + lv);
        out.append("  Logical volume \"").append(lv.substring(vg.length() + 1)).append("\" successfully removed.\n");
      }
    }
    s.extent.remove(vg);
    s.pvs.replaceAll((k, v) -> v.equals(vg) ? "" : v);
    return ctx.ok(out.append("  Volume group \"").append(vg).append("\" successfully removed\n").toString());
  }

  static long extents(long bytes, long extent) { return (bytes + extent - 1) / extent; }

  private static long totalExtents(State s, BlockDevices disks, String vg) {
    long e = s.extent.get(vg);
    long total = 0;
    for (Map.Entry<String, String> pv : s.pvs.entrySet()) {
      if (pv.getValue().equals(vg)) total += (disks.size(pv.getKey()).orElse(0L) - MIB) / e;
    }
    return total;
  }

  private static long usedExtents(State s, String vg) {
    long e = s.extent.get(vg);
    return s.lvs.entrySet().stream().filter(x -> x.getKey().startsWith(vg + "/")).mapToLong(x -> x.getValue() / e).sum();
  }

  private static CommandResult lvcreate(State s, BlockDevices disks, List<String> a, FakeToolContext ctx) {
    String name = opt(a, "-n", "--name");
    String size = opt(a, "-L", "--size");
    String stripes = opt(a, "-i", "--stripes");
    flags(a, "-y", "--yes");
    if (name == null || size == null || a.size() != 1) throw ctx.fail(3, "  The fake knows lvcreate [--yes] -n NAME -L SIZE [-i N] VG");
    String vg = a.get(0);
    if (!s.extent.containsKey(vg)) throw fail(ctx, "  Volume group \"" + vg + "\" not found\n  Cannot process volume group " + vg);
    if (s.lvs.containsKey(vg + "/" + name)) throw fail(ctx, "  Logical Volume \"" + name + "\" already exists in volume group \"" + vg + "\"");
    long e = s.extent.get(vg);
    long want = extents(size(size, ctx), e);
    if (stripes != null) {
      long pvCount = s.pvs.values().stream().filter(vg::equals).count();
      if (Long.parseLong(stripes) > pvCount) throw fail(ctx, "  Number of stripes (" + stripes + ") must not exceed number of physical volumes (" + pvCount + ")");
    }
    long free = totalExtents(s, disks, vg) - usedExtents(s, vg);
    if (want > free) throw fail(ctx, "  Volume group \"" + vg + "\" has insufficient free space (" + free + " extents): " + want + " required.");
    StringBuilder out = new StringBuilder();
    if (size(size, ctx) % e != 0) out.append("  Rounding up size to full physical extent ").append(human(want * e)).append(".\n");
    s.lvs.put(vg + "/" + name, want * e);
    ctx.writeFile("/dev/" + vg + "/" + name, "");
    return ctx.ok(out.append("  Logical volume \"").append(name).append("\" created.\n").toString());
  }

  private static CommandResult lvextend(State s, BlockDevices disks, List<String> a, FakeToolContext ctx) {
    String size = opt(a, "-L", "--size");
    flags(a, "-y", "--yes", "-r", "--resizefs");
    if (size == null || a.size() != 1) throw ctx.fail(3, "  The fake knows lvextend -L SIZE VG/LV");
    String lv = a.get(0);
    String vg = lv.contains("/") ? lv.substring(0, lv.indexOf('/')) : lv;
    if (!s.extent.containsKey(vg)) throw fail(ctx, "  Volume group \"" + vg + "\" not found\n  Cannot process volume group " + vg);
    if (!s.lvs.containsKey(lv)) throw fail(ctx, "  Failed to find logical volume \"" + lv + "\"");
    long e = s.extent.get(vg);
    long now = s.lvs.get(lv) / e;
    long want = extents(size(size, ctx), e);
    if (want == now) throw fail(ctx, "  New size (" + want + " extents) matches existing size (" + now + " extents).");
    if (want < now) throw fail(ctx, "  New size given (" + want + " extents) not larger than existing size (" + now + " extents)");
    long free = totalExtents(s, disks, vg) - usedExtents(s, vg);
    if (want - now > free) throw fail(ctx, "  Insufficient free space: " + (want - now) + " extents needed, but only " + free + " available");
    s.lvs.put(lv, want * e);
    return ctx.ok("  Size of logical volume " + lv + " changed from " + human(now * e) + " (" + now + " extents) to " + human(want * e) + " (" + want
        + " extents).\n  Logical volume " + lv + " successfully resized.\n");
  }

  private static CommandResult lvremove(State s, List<String> a, FakeToolContext ctx) {
    flags(a, "-f", "-y", "--yes");
    String lv = a.get(0);
    if (!s.lvs.containsKey(lv)) throw fail(ctx, "  Failed to find logical volume \"" + lv + "\"");
    s.lvs.remove(lv);
    ctx.deleteFile("/dev/" + lv);
    return ctx.ok("  Logical volume \"" + lv.substring(lv.indexOf('/') + 1) + "\" successfully removed.\n");
  }

  /** LVM's human size: two decimals and a lowercase unit, {@code <} when rounded down. */
  static String human(long bytes) {
    String[] u = {"t", "g", "m", "k"};
    long[] m = {1L << 40, 1L << 30, 1L << 20, 1L << 10};
    for (int i = 0; i < u.length; i++) {
      if (bytes >= m[i]) return String.format(Locale.ROOT, "%.2f %siB", (double) bytes / m[i], u[i].toUpperCase(Locale.ROOT));
    }
    return bytes + " B";
  }

  private static CommandResult report(String prog, State s, BlockDevices disks, List<String> a, FakeToolContext ctx) {
    boolean noHead = a.remove("--noheadings");
    boolean noSuffix = a.remove("--nosuffix");
    String units = opt(a, "--units");
    String fields = opt(a, "-o", "--options");
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    switch (prog) {
      case "pvs" -> {
        for (String d : a.isEmpty() ? s.pvs.keySet() : a) {
          if (!s.pvs.containsKey(d)) throw fail(ctx, "  Failed to find physical volume \"" + d + "\".");
          rows.put(d, Map.of("pv_name", d, "vg_name", s.pvs.get(d), "pv_size", String.valueOf(disks.size(d).orElse(0L))));
        }
      }
      case "vgs" -> {
        for (String vg : a.isEmpty() ? s.extent.keySet() : a) {
          if (!s.extent.containsKey(vg)) throw fail(ctx, "  Volume group \"" + vg + "\" not found\n  Cannot process volume group " + vg);
          long e = s.extent.get(vg);
          rows.put(vg, Map.of("vg_name", vg, "vg_size", String.valueOf(totalExtents(s, disks, vg) * e),
              "vg_free", String.valueOf((totalExtents(s, disks, vg) - usedExtents(s, vg)) * e)));
        }
      }
      default -> {
        for (String lv : a.isEmpty() ? s.lvs.keySet() : a) {
          if (!s.lvs.containsKey(lv)) throw fail(ctx, "  Failed to find logical volume \"" + lv + "\"");
          rows.put(lv, Map.of("lv_name", lv.substring(lv.indexOf('/') + 1), "vg_name", lv.substring(0, lv.indexOf('/')), "lv_size", String.valueOf(s.lvs.get(lv))));
        }
      }
    }
    List<String> cols = fields != null ? List.of(fields.split(",")) : switch (prog) {
      case "pvs" -> List.of("pv_name", "vg_name", "pv_size");
      case "vgs" -> List.of("vg_name", "vg_size", "vg_free");
      default -> List.of("lv_name", "vg_name", "lv_size");
    };
    StringBuilder out = new StringBuilder();
    if (!noHead) out.append("  ").append(String.join(" ", cols.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList())).append('\n');
    for (Map<String, String> r : rows.values()) {
      List<String> vals = new ArrayList<>();
      for (String c : cols) {
        String v = r.getOrDefault(c, "");
        if (c.endsWith("_size") || c.endsWith("_free")) {
          long b = Long.parseLong(v);
          v = "b".equals(units) ? b + (noSuffix ? "" : "B") : human(b);
        }
        vals.add(v);
      }
      out.append("  ").append(String.join(" ", vals)).append('\n');
    }
    return ctx.ok(out.toString());
  }
}
