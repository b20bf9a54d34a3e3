package io.kvmsdk.testkit.host;

import java.util.List;
import java.util.Optional;

/**
 * What a tool keeps on a fake host, beyond the links, sysctls and files every tool sees: an OVSDB,
 * an nft ruleset, tgtd's targets. Mutable, but only ever touched under the host's lock, through
 * {@link FakeToolContext#state(FakeToolSlot)}. The host runs each command against a copy of every
 * state and keeps the copy only when the command succeeds (or {@link FakeToolContext#keepChanges()
 * keeps its changes}), so a tool may change its state before it finds an error.
 *
 * @param <S> the implementing class
 */
public interface FakeToolState<S extends FakeToolState<S>> {
  /** A deep copy that shares nothing mutable with this state. */
  S copy();

  /**
   * The state as lines in a stable order, e.g. {@code bridge br-int ports [vnet0]}: two states are
   * the same for {@link io.kvmsdk.testkit.FakeHost#snapshot()} and
   * {@link io.kvmsdk.testkit.FakeHost#assertUnchangedSince} when their lines are, and a difference
   * is reported line by line. An empty state gives no lines.
   */
  List<String> describe();

  /**
   * What is left after the host crashes or reboots. By default nothing: the state starts afresh,
   * like an nft ruleset or tgtd's targets. A tool whose state is on disk (OVSDB, the pacemaker
   * CIB, a Ceph cluster) returns what the disk keeps.
   */
  default Optional<S> afterReboot() { return Optional.empty(); }
}
