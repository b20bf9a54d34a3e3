package io.kvmsdk.core.internal.nwfilter;

import io.kvmsdk.core.nwfilter.NwFilterSpec;
import io.kvmsdk.core.nwfilter.NwFilterBindingSpec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.XmlDocument;
import java.util.Optional;

/** The element mappings of libvirt's nwfilter documents, one line per attribute or child. */
public final class NwFilterCodecs {
  private NwFilterCodecs() {}

  private static final ElementCodec<NwFilterSpec, NwFilterSpec.Builder> FILTER =
      ElementCodec.lazy(() -> ElementCodec.of("filter", NwFilterSpec.Builder::new, NwFilterSpec.Builder::build, NwFilterSpec::unmodeled, NwFilterSpec.Builder::unmodeled)
        .attr("name", s -> Optional.of(s.name()), (b, v) -> b.name(v.orElse(null)))
        .attr("chain", NwFilterSpec::chain, NwFilterSpec.Builder::chain)
        .textChild("uuid", NwFilterSpec::uuid, NwFilterSpec.Builder::uuid));

  private static final XmlDocument<NwFilterSpec> FILTER_DOCUMENT = XmlDocument.of(FILTER);

  /** The {@code <filter>} document. */
  public static XmlDocument<NwFilterSpec> nwFilterSpecDocument() { return FILTER_DOCUMENT; }

  private static final ElementCodec<NwFilterBindingSpec, NwFilterBindingSpec.Builder> FILTERBINDING =
      ElementCodec.lazy(() -> ElementCodec.of("filterbinding", NwFilterBindingSpec.Builder::new, NwFilterBindingSpec.Builder::build, NwFilterBindingSpec::unmodeled, NwFilterBindingSpec.Builder::unmodeled));

  private static final XmlDocument<NwFilterBindingSpec> FILTERBINDING_DOCUMENT = XmlDocument.of(FILTERBINDING);

  /** The {@code <filterbinding>} document. */
  public static XmlDocument<NwFilterBindingSpec> nwFilterBindingSpecDocument() { return FILTERBINDING_DOCUMENT; }
}
