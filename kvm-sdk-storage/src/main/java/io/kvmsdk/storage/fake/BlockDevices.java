package io.kvmsdk.storage.fake;

import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The disks of a fake host (path to size in bytes), which the LVM and ZFS fakes build on; a test adds them with {@link StorageFakes#withDisk}. Disks survive a reboot. */
public final class BlockDevices implements FakeToolState<BlockDevices> {
  public static final FakeToolSlot<BlockDevices> SLOT = FakeToolSlot.of("block-devices", BlockDevices::new);

  final Map<String, Long> disks = new TreeMap<>();

  /** Adds disk {@code path} of {@code bytes}. */
  public BlockDevices add(String path, long bytes) { disks.put(path, bytes); return this; }

  /** The size of disk {@code path}. */
  public Optional<Long> size(String path) { return Optional.ofNullable(disks.get(path)); }

  @Override public BlockDevices copy() {
    BlockDevices b = new BlockDevices();
    b.disks.putAll(disks);
    return b;
  }

  @Override public List<String> describe() {
    List<String> out = new ArrayList<>();
    disks.forEach((k, v) -> out.add("disk " + k + " " + v));
    return out;
  }

  @Override public Optional<BlockDevices> afterReboot() { return Optional.of(copy()); }
}
