package io.kvmsdk.core.nwfilter;

import java.util.Optional;

/**
 * The attributes a rule's protocol element shares with its Ethernet header: {@code match}, the
 * source and destination MAC address and mask, and {@code comment}. Every value is kept as written
 * (a variable such as {@code $MAC} is allowed wherever libvirt allows one).
 */
public interface EthernetFields {
  /** {@code match='no'} negates every attribute of the element (masks follow their address). */
  Optional<String> match();

  Optional<String> srcmacaddr();

  Optional<String> srcmacmask();

  Optional<String> dstmacaddr();

  Optional<String> dstmacmask();

  /** Free text, at most 256 bytes (libvirt cuts longer comments). */
  Optional<String> comment();

  /** Whether the element is negated ({@code match='no'}), the way libvirt reads it. */
  default boolean negated() { return match().map("no"::equals).orElse(false); }

  /** The setters of these attributes on a protocol element's builder. */
  interface Setters<B> {
    B match(Optional<String> match);

    B match(String match);

    /** {@code match(false)} negates the element ({@code match='no'}). */
    default B match(boolean matches) { return match(matches ? "yes" : "no"); }

    B srcmacaddr(Optional<String> v);

    B srcmacaddr(String v);

    B srcmacmask(Optional<String> v);

    B srcmacmask(String v);

    B dstmacaddr(Optional<String> v);

    B dstmacaddr(String v);

    B dstmacmask(Optional<String> v);

    B dstmacmask(String v);

    B comment(Optional<String> v);

    B comment(String v);
  }
}
