package io.kvmsdk.core.internal.network;

import io.kvmsdk.core.network.NetworkSpec;
import io.kvmsdk.core.network.NetworkPortSpec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.XmlDocument;
import java.util.Optional;

/** The element mappings of libvirt's network documents, one line per attribute or child. */
public final class NetworkCodecs {
  private NetworkCodecs() {}

  private static final ElementCodec<NetworkSpec, NetworkSpec.Builder> NETWORK =
      ElementCodec.lazy(() -> ElementCodec.of("network", NetworkSpec.Builder::new, NetworkSpec.Builder::build, NetworkSpec::unmodeled, NetworkSpec.Builder::unmodeled)
        .textChild("name", s -> Optional.of(s.name()), (b, v) -> b.name(v.orElse(null)))
        .textChild("uuid", NetworkSpec::uuid, NetworkSpec.Builder::uuid));

  private static final XmlDocument<NetworkSpec> NETWORK_DOCUMENT = XmlDocument.of(NETWORK);

  /** The {@code <network>} document. */
  public static XmlDocument<NetworkSpec> networkSpecDocument() { return NETWORK_DOCUMENT; }

  private static final ElementCodec<NetworkPortSpec, NetworkPortSpec.Builder> NETWORKPORT =
      ElementCodec.lazy(() -> ElementCodec.of("networkport", NetworkPortSpec.Builder::new, NetworkPortSpec.Builder::build, NetworkPortSpec::unmodeled, NetworkPortSpec.Builder::unmodeled)
        .textChild("uuid", NetworkPortSpec::uuid, NetworkPortSpec.Builder::uuid));

  private static final XmlDocument<NetworkPortSpec> NETWORKPORT_DOCUMENT = XmlDocument.of(NETWORKPORT);

  /** The {@code <networkport>} document. */
  public static XmlDocument<NetworkPortSpec> networkPortSpecDocument() { return NETWORKPORT_DOCUMENT; }
}
