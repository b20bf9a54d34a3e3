package io.kvmsdk.core.internal.storage;

import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.storage.StorageVolumeSpec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.XmlDocument;
import java.util.Optional;

/** The element mappings of libvirt's storage documents, one line per attribute or child. */
public final class StorageCodecs {
  private StorageCodecs() {}

  private static final ElementCodec<StoragePoolSpec, StoragePoolSpec.Builder> POOL =
      ElementCodec.lazy(() -> ElementCodec.of("pool", StoragePoolSpec.Builder::new, StoragePoolSpec.Builder::build, StoragePoolSpec::unmodeled, StoragePoolSpec.Builder::unmodeled)
        .attr("type", StoragePoolSpec::type, StoragePoolSpec.Builder::type)
        .textChild("name", s -> Optional.of(s.name()), (b, v) -> b.name(v.orElse(null)))
        .textChild("uuid", StoragePoolSpec::uuid, StoragePoolSpec.Builder::uuid));

  private static final XmlDocument<StoragePoolSpec> POOL_DOCUMENT = XmlDocument.of(POOL);

  /** The {@code <pool>} document. */
  public static XmlDocument<StoragePoolSpec> storagePoolSpecDocument() { return POOL_DOCUMENT; }

  private static final ElementCodec<StorageVolumeSpec, StorageVolumeSpec.Builder> VOLUME =
      ElementCodec.lazy(() -> ElementCodec.of("volume", StorageVolumeSpec.Builder::new, StorageVolumeSpec.Builder::build, StorageVolumeSpec::unmodeled, StorageVolumeSpec.Builder::unmodeled)
        .attr("type", StorageVolumeSpec::type, StorageVolumeSpec.Builder::type)
        .textChild("name", s -> Optional.of(s.name()), (b, v) -> b.name(v.orElse(null))));

  private static final XmlDocument<StorageVolumeSpec> VOLUME_DOCUMENT = XmlDocument.of(VOLUME);

  /** The {@code <volume>} document. */
  public static XmlDocument<StorageVolumeSpec> storageVolumeSpecDocument() { return VOLUME_DOCUMENT; }
}
