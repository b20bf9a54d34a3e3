package io.kvmsdk.core.nwfilter;

import java.util.Optional;

/**
 * The attributes of the IP-layer protocol elements ({@code tcp}, {@code udp}, {@code sctp},
 * {@code icmp}, {@code igmp}, {@code esp}, {@code ah}, {@code udplite}, {@code all} and their
 * {@code -ipv6} forms): addresses, masks and ranges, DSCP, connection limit, connection state and ipset.
 * libvirt matches only {@code srcmacaddr} of the Ethernet fields on these elements; it ignores
 * {@code srcmacmask}, {@code dstmacaddr} and {@code dstmacmask} there ({@code validate()} says so).
 */
public interface IpHeaderFields extends EthernetFields {
  Optional<String> srcipaddr();

  /** CIDR length or dotted mask. */
  Optional<String> srcipmask();

  Optional<String> dstipaddr();

  Optional<String> dstipmask();

  Optional<String> srcipfrom();

  Optional<String> srcipto();

  Optional<String> dstipfrom();

  /** libvirt 9.0 parses {@code dstipto} as an IPv4 address even on the {@code -ipv6} elements. */
  Optional<String> dstipto();

  /** Differentiated Services Code Point, 0 to 63. */
  Optional<String> dscp();

  /** {@code connlimit-above}: drop above this many connections (decimal only). */
  Optional<String> connlimitAbove();

  /** Connection states: a comma-separated list of NEW, ESTABLISHED, RELATED, INVALID, or NONE. */
  Optional<String> state();

  /** The name of an ipset managed outside libvirt. */
  Optional<String> ipset();

  /** Up to six {@code src}/{@code dst} selectors of the ipset, such as {@code src,dst}. */
  Optional<String> ipsetflags();

  /** The setters of these attributes on a protocol element's builder. */
  interface Setters<B> extends EthernetFields.Setters<B> {
    B srcipaddr(Optional<String> v);

    B srcipaddr(String v);

    B srcipmask(Optional<String> v);

    B srcipmask(String v);

    B dstipaddr(Optional<String> v);

    B dstipaddr(String v);

    B dstipmask(Optional<String> v);

    B dstipmask(String v);

    B srcipfrom(Optional<String> v);

    B srcipfrom(String v);

    B srcipto(Optional<String> v);

    B srcipto(String v);

    B dstipfrom(Optional<String> v);

    B dstipfrom(String v);

    B dstipto(Optional<String> v);

    B dstipto(String v);

    B dscp(Optional<String> v);

    B dscp(String v);

    B connlimitAbove(Optional<String> v);

    B connlimitAbove(String v);

    B state(Optional<String> v);

    B state(String v);

    B ipset(Optional<String> v);

    B ipset(String v);

    B ipsetflags(Optional<String> v);

    B ipsetflags(String v);
  }
}
