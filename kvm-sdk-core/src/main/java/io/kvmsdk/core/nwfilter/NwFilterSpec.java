package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.domain.NicFilterParameter;
import io.kvmsdk.core.domain.NicFilterRef;
import io.kvmsdk.core.internal.nwfilter.NwFilterChecks;
import io.kvmsdk.core.internal.nwfilter.NwFilterCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A libvirt network filter ({@code <filter>}): typed, immutable and lossless. Rules and references to
 * other filters are kept as {@link #entries()} in the order written; every rule attribute keeps its
 * value as written ({@code 0x1} stays {@code 0x1}, {@code $IP[@1]} stays a variable).
 *
 * <pre>{@code
 * NwFilterSpec f = NwFilterSpec.builder().name("sdk-no-spoof").chain("mac")
 *     .addRule(NwFilterRule.drop().direction("out").priority(500).mac(m -> m.srcmacaddr("$MAC").match(false)))
 *     .build();
 * f.validate();                  // also refuses what libvirt would silently ignore
 * String xml = f.toXml();
 * }</pre>
 *
 * Two levels of rules: {@code build()} and {@link #fromXml} refuse what libvirt's define refuses
 * (an illegal attribute value, a chain priority outside [-1000, 1000], a malformed chain name or
 * UUID, ports without a port protocol, a filter referencing itself ...), so parsing never refuses
 * what libvirt accepts. {@link #validate()} refuses, in addition, what libvirt accepts but silently
 * ignores or rewrites (an unknown protocol element, a rule priority out of range, a dropped filter
 * parameter, an over-long comment ...); the handle layer calls it before the XML reaches libvirt.
 * What no typed field covers is kept verbatim, re-emitted by {@link #toXml()} and listed by
 * {@link #unmodeledPaths()}.
 */
@Value.Immutable
public abstract class NwFilterSpec {
  public abstract String name();

  /** {@code root} (libvirt's default) or a name starting with mac, stp, vlan, arp, rarp, ipv4 or ipv6; at most 12 characters. */
  public abstract Optional<String> chain();

  /** The chain's priority, -1000 to 1000, as written; libvirt gives each chain prefix a default. */
  public abstract Optional<String> priority();

  public abstract Optional<String> uuid();

  /** The rules and filter references, in the order written. */
  public abstract List<NwFilterEntry> entries();

  /** What the document carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The rules, in order. */
  public List<NwFilterRule> rules() {
    return entries().stream().flatMap(e -> e.rule().stream()).collect(Collectors.toUnmodifiableList());
  }

  /** The references to other filters, in order. */
  public List<NicFilterRef> filterrefs() {
    return entries().stream().flatMap(e -> e.filterref().stream()).collect(Collectors.toUnmodifiableList());
  }

  public static Builder builder() { return new Builder(); }

  /**
   * Frames the guest sends must come from its own MAC: one rule dropping outgoing frames whose source
   * is not {@code $MAC} (libvirt fills {@code MAC} from the interface), in the {@code mac} chain.
   */
  public static Builder noMacSpoofing(String name) {
    return builder().name(name).chain("mac")
        .addRule(NwFilterRule.drop().direction("out").priority(500).mac(m -> m.srcmacaddr("$MAC").match(false)));
  }

  /**
   * IP binding: IPv4 packets the guest sends must come from one of its addresses ({@code $IP}, learnt
   * or passed as a filter parameter), DHCP requests from 0.0.0.0 excepted; everything else in the
   * {@code ipv4} chain is dropped.
   */
  public static Builder noIpSpoofing(String name) {
    return builder().name(name).chain("ipv4")
        .addRule(NwFilterRule.builder().action("return").direction("out").priority(100)
            .ip(i -> i.srcipaddr("0.0.0.0").protocol("udp").srcportstart("68").dstportstart("67")))
        .addRule(NwFilterRule.builder().action("return").direction("out").priority(500).ip(i -> i.srcipaddr("$IP")))
        .addRule(NwFilterRule.drop().direction("out").priority(1000));
  }

  /**
   * ARP the guest sends must carry its own MAC and IP ({@code $MAC}, {@code $IP}) in the frame and in
   * the ARP payload (address probes from 0.0.0.0 allowed); every other ARP packet it sends is dropped.
   */
  public static Builder noArpSpoofing(String name) {
    return builder().name(name).chain("arp")
        .addRule(NwFilterRule.builder().action("return").direction("out").priority(400)
            .arp(a -> a.srcmacaddr("$MAC").arpsrcmacaddr("$MAC").arpsrcipaddr("$IP")))
        .addRule(NwFilterRule.builder().action("return").direction("out").priority(410)
            .arp(a -> a.srcmacaddr("$MAC").arpsrcmacaddr("$MAC").arpsrcipaddr("0.0.0.0").opcode("Request")))
        .addRule(NwFilterRule.drop().direction("out").priority(1000));
  }

  /** The guest may not send spanning-tree BPDUs (it cannot take part in, or disturb, the host bridge's STP). */
  public static Builder noStp(String name) {
    return builder().name(name).chain("stp")
        .addRule(NwFilterRule.drop().direction("out").priority(500).stp(s -> { }));
  }

  /** A filter made only of references to {@code filters}, as libvirt's {@code clean-traffic} is. */
  public static Builder referencing(String name, String... filters) {
    Builder b = builder().name(name);
    for (String f : filters) b.addFilterref(f);
    return b;
  }

  /** Parses libvirt's {@code <filter>} XML; throws {@link io.kvmsdk.core.InvalidSpecException} naming the field and the rule. */
  public static NwFilterSpec fromXml(String xml) { return NwFilterCodecs.nwFilterSpecDocument().parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return NwFilterCodecs.nwFilterSpecDocument().render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return NwFilterCodecs.nwFilterSpecDocument().unmodeledPaths(this); }

  /**
   * Refuses, with an {@link io.kvmsdk.core.InvalidSpecException} naming the field, what libvirt's
   * define accepts but silently ignores or rewrites: anything kept verbatim (libvirt reads none of it,
   * an unknown protocol element included), a rule with more than one protocol element name, a rule
   * priority that is not an integer in [-1000, 1000] (libvirt uses 500), a {@code statematch} other
   * than false/0, a {@code match} other than yes/no, a {@code gratuitous} that is not a boolean, a
   * comment over 256 bytes (cut), an attribute libvirt does not match on that protocol element, an
   * {@code ipsetflags} without {@code ipset} or both on an element where libvirt 9.0 drops them, a
   * filterref without a filter name, and a filter parameter whose name or value libvirt drops.
   * The handle layer calls it before the XML reaches libvirt; {@code build()} already checked what
   * libvirt refuses.
   */
  public void validate() { NwFilterChecks.validate(this); }

  /** Derives a changed copy; this one stays as it is. */
  public NwFilterSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() { NwFilterChecks.checkFilter(this); }

  /** The XML, with secrets masked. */
  @Override public String toString() { return NwFilterCodecs.nwFilterSpecDocument().renderRedacted(this); }

  /** Builds a {@link NwFilterSpec}; {@code build()} checks libvirt's define-time rules. */
  public static class Builder extends ImmutableNwFilterSpec.Builder {
    /** Sets the chain's {@code priority}. */
    public final Builder priority(int priority) { return priority(Integer.toString(priority)); }

    /** Appends a rule. */
    public final Builder addRule(NwFilterRule rule) { return addEntry(NwFilterEntry.of(rule)); }

    /** Builds and appends a rule. */
    public final Builder addRule(NwFilterRule.Builder rule) { return addRule(rule.build()); }

    /** Appends a reference to filter {@code filter}. */
    public final Builder addFilterref(NicFilterRef ref) { return addEntry(NwFilterEntry.of(ref)); }

    /** Appends a reference to filter {@code filter}, passing it {@code parameters}. */
    public final Builder addFilterref(String filter, NicFilterParameter... parameters) {
      return addFilterref(NicFilterRef.builder().filter(filter).addParameters(parameters).build());
    }

    @Override public NwFilterSpec build() { return NwFilterChecks.build(super::build, "filter"); }
  }
}
