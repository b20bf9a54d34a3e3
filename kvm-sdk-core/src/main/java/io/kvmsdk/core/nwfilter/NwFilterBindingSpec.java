package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.internal.nwfilter.NwFilterCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A binding of a network filter to a guest interface ({@code <filterbinding>}): typed, immutable and lossless; what no typed field covers yet is kept verbatim, re-emitted
 * by {@link #toXml()} and listed by {@link #unmodeledPaths()}.
 */
@Value.Immutable
public abstract class NwFilterBindingSpec {
  /** What the document carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's {@code <filterbinding>} XML; throws {@link io.kvmsdk.core.InvalidSpecException} naming the field and the rule. */
  public static NwFilterBindingSpec fromXml(String xml) { return NwFilterCodecs.nwFilterBindingSpecDocument().parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return NwFilterCodecs.nwFilterBindingSpecDocument().render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return NwFilterCodecs.nwFilterBindingSpecDocument().unmodeledPaths(this); }

  /** Derives a changed copy; this one stays as it is. */
  public NwFilterBindingSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The XML, with secrets masked. */
  @Override public String toString() { return NwFilterCodecs.nwFilterBindingSpecDocument().renderRedacted(this); }

  /** Builds a {@link NwFilterBindingSpec}; {@code build()} checks libvirt's define-time rules. */
  public static class Builder extends ImmutableNwFilterBindingSpec.Builder {}
}
