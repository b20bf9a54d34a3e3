package io.kvmsdk.core.nwfilter;

import java.util.Optional;

/** Source and destination port ranges of a protocol element (UINT16, decimal, hex or a variable). */
public interface PortFields {
  Optional<String> srcportstart();

  Optional<String> srcportend();

  Optional<String> dstportstart();

  Optional<String> dstportend();

  /** The setters of these attributes on a protocol element's builder. */
  interface Setters<B> {
    B srcportstart(Optional<String> v);

    B srcportstart(String v);

    B srcportend(Optional<String> v);

    B srcportend(String v);

    B dstportstart(Optional<String> v);

    B dstportstart(String v);

    B dstportend(Optional<String> v);

    B dstportend(String v);
  }
}
