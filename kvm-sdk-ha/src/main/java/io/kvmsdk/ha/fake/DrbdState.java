package io.kvmsdk.ha.fake;

import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * DRBD on a fake host: which backing disks carry DRBD metadata (on disk: kept across reboots) and
 * which resources are up in the kernel, with their role (gone after a reboot).
 */
public final class DrbdState implements FakeToolState<DrbdState> {
  public static final FakeToolSlot<DrbdState> SLOT = FakeToolSlot.of("drbd", DrbdState::new);

  /** A resource configured in the (fake) kernel. */
  public record Up(String config, String role, boolean dataDecided) {}

  private final TreeSet<String> metadata = new TreeSet<>();
  private final Map<String, Up> up = new TreeMap<>();

  /** True when {@code disk} carries DRBD metadata. */
  public boolean hasMetadata(String disk) { return metadata.contains(disk); }

  /** The resource {@code name} if it is up. */
  public Optional<Up> up(String name) { return Optional.ofNullable(up.get(name)); }

  void addMetadata(String disk) { metadata.add(disk); }

  void setUp(String name, Up u) { up.put(name, u); }

  void down(String name) { up.remove(name); }

  @Override public DrbdState copy() {
    DrbdState c = new DrbdState();
    c.metadata.addAll(metadata);
    c.up.putAll(up);
    return c;
  }

  @Override public List<String> describe() {
    List<String> out = new ArrayList<>();
    metadata.forEach(d -> out.add("metadata " + d));
    up.forEach((n, u) -> out.add("up " + n + " " + u.role()));
    return out;
  }

  @Override public Optional<DrbdState> afterReboot() {
    DrbdState c = new DrbdState();
    c.metadata.addAll(metadata);
    return Optional.of(c);
  }
}
