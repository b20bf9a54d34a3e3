package io.kvmsdk.storage.zfs;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.storage.internal.Names;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** One top-level vdev of a {@link ZfsPool}: plain disks (a stripe), a mirror or a raidz group. */
@Value.Immutable
public abstract class ZfsVdev {
  /** The layouts and the fewest disks each needs. */
  private static final Map<String, Integer> MIN = Map.of("stripe", 1, "mirror", 2, "raidz", 2, "raidz1", 2, "raidz2", 3, "raidz3", 4);

  /** {@code stripe} (plain disks), {@code mirror}, {@code raidz}/{@code raidz1}, {@code raidz2}, {@code raidz3}. */
  public abstract String layout();

  public abstract List<String> devices();

  public static ZfsVdev stripe(String... devices) { return builder().layout("stripe").addDevices(devices).build(); }

  public static ZfsVdev mirror(String... devices) { return builder().layout("mirror").addDevices(devices).build(); }

  public static ZfsVdev raidz(int parity, String... devices) { return builder().layout("raidz" + parity).addDevices(devices).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Integer min = MIN.get(layout());
    if (min == null) throw new InvalidSpecException("zpool/vdev/layout", "must be one of " + MIN.keySet().stream().sorted().toList() + ", got " + Names.quoted(layout()));
    if (devices().size() < min) throw new InvalidSpecException("zpool/vdev[" + layout() + "]", "a " + layout() + " needs at least " + min + " devices, got " + devices().size());
    devices().forEach(d -> Names.path("zpool/vdev/device", d));
  }

  /** The words of {@code zpool create} for this vdev. */
  public List<String> words() {
    List<String> w = new java.util.ArrayList<>();
    if (!layout().equals("stripe")) w.add(layout());
    w.addAll(devices());
    return w;
  }

  public static class Builder extends ImmutableZfsVdev.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("layout", "zpool/vdev/layout");
    @Override public ZfsVdev build() { return REQUIRED.build(super::build); }
  }
}
