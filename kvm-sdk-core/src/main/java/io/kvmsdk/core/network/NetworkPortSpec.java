package io.kvmsdk.core.network;

import io.kvmsdk.core.internal.network.NetworkCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A port of a libvirt virtual network ({@code <networkport>}): the plug a guest interface holds: typed, immutable and lossless; what no typed field covers yet is kept verbatim, re-emitted
 * by {@link #toXml()} and listed by {@link #unmodeledPaths()}.
 */
@Value.Immutable
public abstract class NetworkPortSpec {
  public abstract Optional<String> uuid();

  /** What the document carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's {@code <networkport>} XML; throws {@link io.kvmsdk.core.InvalidSpecException} naming the field and the rule. */
  public static NetworkPortSpec fromXml(String xml) { return NetworkCodecs.networkPortSpecDocument().parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return NetworkCodecs.networkPortSpecDocument().render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return NetworkCodecs.networkPortSpecDocument().unmodeledPaths(this); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkPortSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The XML, with secrets masked. */
  @Override public String toString() { return NetworkCodecs.networkPortSpecDocument().renderRedacted(this); }

  /** Builds a {@link NetworkPortSpec}; {@code build()} checks libvirt's define-time rules. */
  public static class Builder extends ImmutableNetworkPortSpec.Builder {}
}
