package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <arp>} and {@code <rarp>} elements of a rule: the frame's addresses and the ARP payload.
 */
@Value.Immutable
public abstract class ArpMatch implements EthernetFields {
  /** Hardware type (UINT16). */
  public abstract Optional<String> hwtype();

  /** Protocol type (UINT16). */
  public abstract Optional<String> protocoltype();

  /** A number or Request, Reply, Request_Reverse, Reply_Reverse, DRARP_Request, DRARP_Reply, DRARP_Error, InARP_Request, ARP_NAK. */
  public abstract Optional<String> opcode();

  public abstract Optional<String> arpsrcmacaddr();

  public abstract Optional<String> arpdstmacaddr();

  public abstract Optional<String> arpsrcipaddr();

  public abstract Optional<String> arpsrcipmask();

  public abstract Optional<String> arpdstipaddr();

  public abstract Optional<String> arpdstipmask();

  /** Whether the packet is a gratuitous ARP: true, yes, 1 or false, no, 0. */
  public abstract Optional<String> gratuitous();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public ArpMatch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link ArpMatch}; the rule holding it checks the values. */
  public static class Builder extends ImmutableArpMatch.Builder implements EthernetFields.Setters<Builder> {
    /** {@code gratuitous='true'} or {@code 'false'}. */
    public final Builder gratuitous(boolean gratuitous) { return gratuitous(gratuitous ? "true" : "false"); }
  }
}
