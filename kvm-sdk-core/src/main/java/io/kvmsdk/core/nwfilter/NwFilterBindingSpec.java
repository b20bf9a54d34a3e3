package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.domain.NicFilterParameter;
import io.kvmsdk.core.domain.NicFilterRef;
import io.kvmsdk.core.internal.nwfilter.NwFilterChecks;
import io.kvmsdk.core.internal.nwfilter.NwFilterCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A binding of a network filter to a guest's port ({@code <filterbinding>}): the owner guest, the
 * port device, its MAC and the filter with its parameters. Typed, immutable and lossless: what no
 * typed field covers is kept verbatim, re-emitted by {@link #toXml()} and listed by {@link #unmodeledPaths()}.
 *
 * <pre>{@code
 * NwFilterBindingSpec b = NwFilterBindingSpec.builder()
 *     .owner("web1", "d54df46f-1ab5-4a22-8618-4560ef5fac2c").portdev("vnet0").mac("52:54:00:11:22:33")
 *     .filter("clean-traffic", NicFilterParameter.of("IP", "10.0.0.5")).build();
 * }</pre>
 *
 * {@code build()} and {@link #fromXml} refuse what libvirt refuses (a missing owner name, a malformed
 * owner UUID or MAC, no port device, no filter); {@link #validate()} refuses, in addition, what libvirt
 * accepts but ignores (a parameter it drops, anything kept verbatim).
 */
@Value.Immutable
public abstract class NwFilterBindingSpec {
  public abstract NwFilterBindingOwner owner();

  /** The port device's name ({@code <portdev name='vnet0'/>}). */
  public abstract String portdev();

  /** The link device's name, for macvtap ports ({@code <linkdev name='eth0'/>}). */
  public abstract Optional<String> linkdev();

  /** The port's MAC address ({@code <mac address='..'/>}). */
  public abstract String mac();

  /** The filter and the variables passed to it. */
  public abstract NicFilterRef filterref();

  /** What the document carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The name of the bound filter. */
  public String filter() { return filterref().filter().orElse(""); }

  /** The variables passed to the filter, in order ({@code IP} may appear once per address). */
  public List<NicFilterParameter> parameters() { return filterref().parameters(); }

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's {@code <filterbinding>} XML; throws {@link io.kvmsdk.core.InvalidSpecException} naming the field and the rule. */
  public static NwFilterBindingSpec fromXml(String xml) { return NwFilterCodecs.nwFilterBindingSpecDocument().parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return NwFilterCodecs.nwFilterBindingSpecDocument().render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return NwFilterCodecs.nwFilterBindingSpecDocument().unmodeledPaths(this); }

  /**
   * Refuses, with an {@link io.kvmsdk.core.InvalidSpecException} naming the field, what libvirt accepts
   * but silently drops: a filter parameter whose name is not {@code [a-zA-Z0-9_]+} or whose value is
   * not {@code [a-zA-Z0-9_.:]+}, and anything kept verbatim. The handle layer calls it before the XML
   * reaches libvirt.
   */
  public void validate() { NwFilterChecks.validate(this); }

  /** Derives a changed copy; this one stays as it is. */
  public NwFilterBindingSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() { NwFilterChecks.checkBinding(this); }

  /** The XML, with secrets masked. */
  @Override public String toString() { return NwFilterCodecs.nwFilterBindingSpecDocument().renderRedacted(this); }

  /** Builds a {@link NwFilterBindingSpec}; {@code build()} checks libvirt's create-time rules. */
  public static class Builder extends ImmutableNwFilterBindingSpec.Builder {
    /** Sets the owner guest. */
    public final Builder owner(String name, String uuid) { return owner(NwFilterBindingOwner.of(name, uuid)); }

    /** Binds filter {@code filter}, passing it {@code parameters}. */
    public final Builder filter(String filter, NicFilterParameter... parameters) {
      return filterref(NicFilterRef.builder().filter(filter).addParameters(parameters).build());
    }

    @Override public NwFilterBindingSpec build() { return NwFilterChecks.build(super::build, "filterbinding"); }
  }
}
