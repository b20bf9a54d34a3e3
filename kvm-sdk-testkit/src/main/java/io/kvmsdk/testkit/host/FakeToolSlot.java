package io.kvmsdk.testkit.host;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The key of one {@link FakeToolState} on a fake host, with the state a host starts with. Tools that
 * share a state (ovs-vsctl and ovs-ofctl share the OVSDB) share the slot. Keep slots in constants;
 * the name labels the state's lines in snapshots and must be unique on a host.
 *
 * <pre>{@code
 * public static final FakeToolSlot<Ovsdb> OVSDB = FakeToolSlot.of("ovsdb", Ovsdb::new);
 * Ovsdb db = ctx.state(OVSDB);
 * }</pre>
 *
 * @param <S> the state's type
 */
public final class FakeToolSlot<S extends FakeToolState<S>> {
  private final String name;
  private final Supplier<S> initial;

  private FakeToolSlot(String name, Supplier<S> initial) {
    this.name = Objects.requireNonNull(name, "name");
    this.initial = Objects.requireNonNull(initial, "initial");
    if (name.isBlank() || !name.equals(name.strip())) throw new IllegalArgumentException("a slot name must be a non-blank word, got '" + name + "'");
  }

  /** A slot named {@code name} whose state starts as {@code initial} makes it (on first use on each host, and after a reboot that kept nothing). */
  public static <S extends FakeToolState<S>> FakeToolSlot<S> of(String name, Supplier<S> initial) { return new FakeToolSlot<>(name, initial); }

  /** The name that labels this state in snapshots. */
  public String name() { return name; }

  /** A fresh state, as on a new host. */
  public S initial() { return Objects.requireNonNull(initial.get(), () -> "slot " + name + " made a null state"); }

  @Override public String toString() { return "FakeToolSlot[" + name + "]"; }
}
