package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.InvalidSpecException;
import java.util.Optional;
import org.immutables.value.Value;

/** A knet link's options ({@code totem { interface { linknumber: N; knet_link_priority: P } }}): with passive link mode the highest priority link carries the traffic. */
@Value.Immutable
public abstract class KnetLink {
  public abstract int linknumber();

  /** {@code knet_link_priority}: 0..255, higher is preferred. */
  public abstract Optional<Integer> priority();

  /** {@code knet_transport}: udp or sctp. */
  public abstract Optional<String> transport();

  public static KnetLink of(int linknumber, int priority) { return builder().linknumber(linknumber).priority(priority).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (linknumber() < 0 || linknumber() > 7) throw new InvalidSpecException("totem/interface/linknumber", "must be 0..7, got " + linknumber());
    priority().ifPresent(p -> {
      if (p < 0 || p > 255) throw new InvalidSpecException("totem/interface/knet_link_priority", "must be 0..255, got " + p);
    });
    transport().ifPresent(t -> {
      if (!t.equals("udp") && !t.equals("sctp")) throw new InvalidSpecException("totem/interface/knet_transport", "must be udp or sctp, got " + t);
    });
  }

  /** Builds a {@link KnetLink}; a missing linknumber is an {@link InvalidSpecException} naming it. */
  public static class Builder extends ImmutableKnetLink.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("linknumber", "totem/interface/linknumber");

    @Override public KnetLink build() { return REQUIRED.build(super::build); }
  }
}
