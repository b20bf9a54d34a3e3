package io.kvmsdk.network.ovs;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.network.internal.IfaceNames;
import java.util.List;
import org.immutables.value.Value;

/**
 * sFlow sampling on an Open vSwitch bridge (an {@code sFlow} row): 1 packet in {@link #sampling()}
 * is sent, with interface counters every {@link #polling()} seconds, to the collectors
 * ({@code targets}, {@code HOST:PORT}), from the agent interface's address.
 */
@Value.Immutable
public abstract class OvsSflow {
  /** The interface whose address identifies this switch to the collectors. */
  public abstract String agent();

  /** Collectors as {@code IP:PORT} (6343 is sFlow's port). */
  public abstract List<String> targets();

  /** Sample 1 packet in this many (e.g. 10; 1..2^32-1). */
  @Value.Default public int sampling() { return 400; }

  /** Seconds between counter polls. */
  @Value.Default public int polling() { return 20; }

  /** Bytes of each sampled packet's header sent. */
  @Value.Default public int header() { return 128; }

  public static Builder builder() { return new Builder(); }

  /** Sampling 1 in {@code sampling} packets to {@code target} from {@code agent}'s address. */
  public static OvsSflow of(String agent, String target, int sampling) {
    return builder().agent(agent).addTarget(target).sampling(sampling).build();
  }

  @Value.Check protected void check() {
    IfaceNames.check("sflow/@agent", agent());
    if (targets().isEmpty()) throw new InvalidSpecException("sflow/targets", "needs at least one collector, e.g. 127.0.0.1:6343");
    for (String t : targets()) {
      int colon = t.lastIndexOf(':');
      if (colon < 0) throw new InvalidSpecException("sflow/targets", "a collector is IP:PORT, got '" + t + "'");
      io.kvmsdk.network.internal.Cidrs.ip("sflow/targets", t.substring(0, colon).replace("[", "").replace("]", ""));
      try {
        IfaceNames.range("sflow/targets", Integer.parseInt(t.substring(colon + 1)), 1, 65535, "a collector's port");
      } catch (NumberFormatException e) {
        throw new InvalidSpecException("sflow/targets", "a collector is IP:PORT, got '" + t + "'");
      }
    }
    if (sampling() < 1) throw new InvalidSpecException("sflow/@sampling", "must be at least 1 (1 in N packets), got " + sampling());
    IfaceNames.range("sflow/@polling", polling(), 0, 3600, "a polling interval (s)");
    IfaceNames.range("sflow/@header", header(), 1, 256, "a header size (bytes)");
  }

  /** Builds an {@link OvsSflow}. */
  public static class Builder extends ImmutableOvsSflow.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("agent", "sflow/@agent");

    @Override public OvsSflow build() { return REQUIRED.build(super::build); }
  }
}
