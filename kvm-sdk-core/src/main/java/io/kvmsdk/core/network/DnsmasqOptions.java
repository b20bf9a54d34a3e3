package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <dnsmasq:options>}: options passed verbatim to the network's dnsmasq (libvirt's dnsmasq namespace; no support guarantees). */
@Value.Immutable
public abstract class DnsmasqOptions {
  /** Namespace declarations written on this element itself, prefix to URI. */
  public abstract Map<String, String> namespaces();

  /** The {@code <dnsmasq:option value='..'/>} values, in order. */
  public abstract List<String> options();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public DnsmasqOptions copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The namespace of libvirt's dnsmasq options. */
  public static final String NAMESPACE = "http://libvirt.org/schemas/network/dnsmasq/1.0";

  /** The given dnsmasq options, such as {@code cname=*.example.com,host.example.com}. */
  public static DnsmasqOptions of(String... options) { return builder().addOptions(options).build(); }

  /** Builds a {@link DnsmasqOptions}. */
  public static class Builder extends ImmutableDnsmasqOptions.Builder {}
}
