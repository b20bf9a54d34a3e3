package io.kvmsdk.core.internal.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.common.CommonCodecs;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.storage.*;
import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.SizeCodec;
import io.kvmsdk.core.xml.ValueType;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlDocument;
import io.kvmsdk.core.xml.XmlElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The element mappings of libvirt's storage documents ({@code <pool>}, {@code <volume>}), one line per
 * attribute or child in libvirt's order. Where libvirt ignores an element on input (a pool's sizes, a
 * volume's {@code <physical>}) or accepts a value the shared types cannot hold (a pool host's port
 * outside 0-65535), a value that does not fit is kept verbatim instead of refused.
 */
public final class StorageCodecs {
  private StorageCodecs() {}

  // ------------------------------------------------------------------ helpers

  /** Reads with {@code inner}; an element whose values break inner's rules is kept verbatim instead. */
  static <T> Codec<T> keptVerbatimWhenInvalid(Codec<T> inner) {
    return new Codec<>() {
      @Override public T read(XmlElement e, XPath path) {
        try {
          return inner.read(e, path);
        } catch (InvalidSpecException x) {
          return null;
        }
      }

      @Override public XmlElement write(T v) { return inner.write(v); }

      @Override public void unmodeled(T v, String path, List<String> out) { inner.unmodeled(v, path, out); }
    };
  }

  /** {@code <n attr='v'/>} items of a list, as strings; anything else is kept verbatim. */
  static final class AttrItem implements Codec<String> {
    private final String name;
    private final String attr;

    AttrItem(String name, String attr) {
      this.name = name;
      this.attr = attr;
    }

    @Override public String read(XmlElement e, XPath path) {
      if (e.attrCount() != 1 || !e.attrName(0).equals(attr) || !e.children().isEmpty() || e.text() != null) return null;
      return e.attrValue(0);
    }

    @Override public XmlElement write(String v) { return XmlElement.builder(name).attr(attr, v).build(); }
  }

  /**
   * A pool's {@code <host>}: libvirt's pool parser takes any integer as port, the shared
   * {@link SourceHost} only 0-65535; such a host is kept verbatim (and reported by
   * {@link StoragePoolSpec#validate()}). Other faults (no name) are refused as libvirt refuses them.
   */
  static final Codec<SourceHost> POOL_HOST = new Codec<>() {
    @Override public SourceHost read(XmlElement e, XPath path) {
      String port = e.attr("port");
      if (port != null) {
        try {
          long p = Long.parseLong(port.trim());
          if (p >= Integer.MIN_VALUE && p <= Integer.MAX_VALUE && (p < 0 || p > 65535)) return null;
        } catch (NumberFormatException x) {
          // not an integer: libvirt refuses it too, let the shared codec say so
        }
      }
      return CommonCodecs.SOURCE_HOST.read(e, path);
    }

    @Override public XmlElement write(SourceHost v) { return CommonCodecs.SOURCE_HOST.write(v); }

    @Override public void unmodeled(SourceHost v, String path, List<String> out) { CommonCodecs.SOURCE_HOST.unmodeled(v, path, out); }
  };

  /**
   * A volume's {@code <capacity>}, {@code <allocation>} or {@code <clusterSize>}: like
   * {@link SizeCodec#storage(String)}, but decimal only, as libvirt reads them (no {@code 0x}).
   */
  static Codec<io.kvmsdk.core.Size> decimalSize(String name) {
    SizeCodec inner = SizeCodec.storage(name);
    return new Codec<>() {
      @Override public io.kvmsdk.core.Size read(XmlElement e, XPath path) {
        if (e.text() != null && e.children().isEmpty() && !e.text().trim().matches("[0-9]+")) {
          throw new InvalidSpecException(path.toString(), "must be a non-negative decimal integer, got '" + e.text().trim() + "'");
        }
        try {
          return inner.read(e, path);
        } catch (InvalidSpecException x) {
          if (x.field().startsWith(path.toString())) throw x;
          throw new InvalidSpecException(path.toString(), x.rule(), x); // Size's own rules (too large) name no path
        }
      }

      @Override public XmlElement write(io.kvmsdk.core.Size v) { return inner.write(v); }
    };
  }

  static ElementCodec<StorageExtent, StorageExtent.Builder> extent(String name) {
    return ElementCodec.of(name, StorageExtent.Builder::new, StorageExtent.Builder::build, StorageExtent::unmodeled, StorageExtent.Builder::unmodeled)
        .attr("start", ValueType.ULONG, StorageExtent::start, StorageExtent.Builder::start)
        .attr("end", ValueType.ULONG, StorageExtent::end, StorageExtent.Builder::end);
  }

  // ------------------------------------------------------------------ shared by pools and volumes

  public static final ElementCodec<StoragePermissions, StoragePermissions.Builder> PERMISSIONS =
      ElementCodec.lazy(() -> ElementCodec.of("permissions", StoragePermissions.Builder::new, StoragePermissions.Builder::build, StoragePermissions::unmodeled, StoragePermissions.Builder::unmodeled)
        .textChild("mode", StoragePermissions::mode, StoragePermissions.Builder::mode)
        .textChild("owner", ValueType.LONG, StoragePermissions::owner, StoragePermissions.Builder::owner)
        .textChild("group", ValueType.LONG, StoragePermissions::group, StoragePermissions.Builder::group)
        .textChild("label", StoragePermissions::label, StoragePermissions.Builder::label));

  // ------------------------------------------------------------------ pool

  static final ElementCodec<PoolFeatures, PoolFeatures.Builder> POOL_FEATURES =
      ElementCodec.lazy(() -> ElementCodec.of("features", PoolFeatures.Builder::new, PoolFeatures.Builder::build, PoolFeatures::unmodeled, PoolFeatures.Builder::unmodeled)
        .attrChild("cow", "state", ValueType.YES_NO, PoolFeatures::cow, PoolFeatures.Builder::cow));

  static final ElementCodec<PoolSourceDevice, PoolSourceDevice.Builder> POOL_SOURCE_DEVICE =
      ElementCodec.lazy(() -> ElementCodec.of("device", PoolSourceDevice.Builder::new, PoolSourceDevice.Builder::build, PoolSourceDevice::unmodeled, PoolSourceDevice.Builder::unmodeled)
        .attr("path", PoolSourceDevice::path, PoolSourceDevice.Builder::path)
        .attr("part_separator", ValueType.YES_NO, PoolSourceDevice::partSeparator, PoolSourceDevice.Builder::partSeparator)
        .list("freeExtent", extent("freeExtent"), PoolSourceDevice::freeExtents, PoolSourceDevice.Builder::freeExtents));

  static final ElementCodec<PoolAdapterParentAddr, PoolAdapterParentAddr.Builder> POOL_ADAPTER_PARENTADDR =
      ElementCodec.lazy(() -> ElementCodec.of("parentaddr", PoolAdapterParentAddr.Builder::new, PoolAdapterParentAddr.Builder::build, PoolAdapterParentAddr::unmodeled, PoolAdapterParentAddr.Builder::unmodeled)
        .attr("unique_id", ValueType.LONG, PoolAdapterParentAddr::uniqueId, PoolAdapterParentAddr.Builder::uniqueId)
        .child("address", CommonCodecs.ADDRESS, PoolAdapterParentAddr::address, PoolAdapterParentAddr.Builder::address));

  static final ElementCodec<PoolSourceAdapter, PoolSourceAdapter.Builder> POOL_SOURCE_ADAPTER =
      ElementCodec.lazy(() -> ElementCodec.of("adapter", PoolSourceAdapter.Builder::new, PoolSourceAdapter.Builder::build, PoolSourceAdapter::unmodeled, PoolSourceAdapter.Builder::unmodeled)
        .attr("type", PoolSourceAdapter::type, PoolSourceAdapter.Builder::type)
        .attr("name", PoolSourceAdapter::name, PoolSourceAdapter.Builder::name)
        .attr("parent", PoolSourceAdapter::parent, PoolSourceAdapter.Builder::parent)
        .attr("parent_wwnn", PoolSourceAdapter::parentWwnn, PoolSourceAdapter.Builder::parentWwnn)
        .attr("parent_wwpn", PoolSourceAdapter::parentWwpn, PoolSourceAdapter.Builder::parentWwpn)
        .attr("parent_fabric_wwn", PoolSourceAdapter::parentFabricWwn, PoolSourceAdapter.Builder::parentFabricWwn)
        .attr("managed", ValueType.YES_NO, PoolSourceAdapter::managed, PoolSourceAdapter.Builder::managed)
        .attr("wwnn", PoolSourceAdapter::wwnn, PoolSourceAdapter.Builder::wwnn)
        .attr("wwpn", PoolSourceAdapter::wwpn, PoolSourceAdapter.Builder::wwpn)
        .child("parentaddr", POOL_ADAPTER_PARENTADDR, PoolSourceAdapter::parentaddr, PoolSourceAdapter.Builder::parentaddr));

  static final ElementCodec<PoolSourceInitiator, PoolSourceInitiator.Builder> POOL_SOURCE_INITIATOR =
      ElementCodec.lazy(() -> ElementCodec.of("initiator", PoolSourceInitiator.Builder::new, PoolSourceInitiator.Builder::build, PoolSourceInitiator::unmodeled, PoolSourceInitiator.Builder::unmodeled)
        .list("iqn", new AttrItem("iqn", "name"), PoolSourceInitiator::iqns, PoolSourceInitiator.Builder::iqns));

  static final ElementCodec<PoolSource, PoolSource.Builder> POOL_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", PoolSource.Builder::new, PoolSource.Builder::build, PoolSource::unmodeled, PoolSource.Builder::unmodeled)
        .list("host", POOL_HOST, PoolSource::hosts, PoolSource.Builder::hosts)
        .list("device", POOL_SOURCE_DEVICE, PoolSource::devices, PoolSource.Builder::devices)
        .attrChild("dir", "path", PoolSource::dir, PoolSource.Builder::dir)
        .child("adapter", POOL_SOURCE_ADAPTER, PoolSource::adapter, PoolSource.Builder::adapter)
        .textChild("name", PoolSource::name, PoolSource.Builder::name)
        .child("initiator", POOL_SOURCE_INITIATOR, PoolSource::initiator, PoolSource.Builder::initiator)
        .attrChild("format", "type", PoolSource::format, PoolSource.Builder::format)
        .child("auth", CommonCodecs.AUTH, PoolSource::auth, PoolSource.Builder::auth)
        .attrChild("protocol", "ver", PoolSource::protocolVer, PoolSource.Builder::protocolVer)
        .attrChild("vendor", "name", PoolSource::vendor, PoolSource.Builder::vendor)
        .attrChild("product", "name", PoolSource::product, PoolSource.Builder::product));

  static final ElementCodec<PoolTarget, PoolTarget.Builder> POOL_TARGET =
      ElementCodec.lazy(() -> ElementCodec.of("target", PoolTarget.Builder::new, PoolTarget.Builder::build, PoolTarget::unmodeled, PoolTarget.Builder::unmodeled)
        .textChild("path", PoolTarget::path, PoolTarget.Builder::path)
        .child("permissions", PERMISSIONS, PoolTarget::permissions, PoolTarget.Builder::permissions));

  static final ElementCodec<PoolRefreshVolume, PoolRefreshVolume.Builder> POOL_REFRESH_VOLUME =
      ElementCodec.lazy(() -> ElementCodec.of("volume", PoolRefreshVolume.Builder::new, PoolRefreshVolume.Builder::build, PoolRefreshVolume::unmodeled, PoolRefreshVolume.Builder::unmodeled)
        .attr("allocation", PoolRefreshVolume::allocation, PoolRefreshVolume.Builder::allocation));

  static final ElementCodec<PoolRefresh, PoolRefresh.Builder> POOL_REFRESH =
      ElementCodec.lazy(() -> ElementCodec.of("refresh", PoolRefresh.Builder::new, PoolRefresh.Builder::build, PoolRefresh::unmodeled, PoolRefresh.Builder::unmodeled)
        .child("volume", POOL_REFRESH_VOLUME, PoolRefresh::volume, PoolRefresh.Builder::volume));

  static final ElementCodec<PoolMountOptions, PoolMountOptions.Builder> POOL_MOUNT_OPTIONS =
      ElementCodec.lazy(() -> ElementCodec.of("fs:mount_opts", PoolMountOptions.Builder::new, PoolMountOptions.Builder::build, PoolMountOptions::unmodeled, PoolMountOptions.Builder::unmodeled)
        .namespaces(PoolMountOptions::namespaces, PoolMountOptions.Builder::namespaces)
        .list("fs:option", new AttrItem("fs:option", "name"), PoolMountOptions::options, PoolMountOptions.Builder::options));

  static final ElementCodec<PoolRbdConfigOption, PoolRbdConfigOption.Builder> POOL_RBD_CONFIG_OPTION =
      ElementCodec.lazy(() -> ElementCodec.of("rbd:option", PoolRbdConfigOption.Builder::new, PoolRbdConfigOption.Builder::build, PoolRbdConfigOption::unmodeled, PoolRbdConfigOption.Builder::unmodeled)
        .attr("name", PoolRbdConfigOption::name, PoolRbdConfigOption.Builder::name)
        .attr("value", PoolRbdConfigOption::value, PoolRbdConfigOption.Builder::value));

  static final ElementCodec<PoolRbdConfigOptions, PoolRbdConfigOptions.Builder> POOL_RBD_CONFIG_OPTIONS =
      ElementCodec.lazy(() -> ElementCodec.of("rbd:config_opts", PoolRbdConfigOptions.Builder::new, PoolRbdConfigOptions.Builder::build, PoolRbdConfigOptions::unmodeled, PoolRbdConfigOptions.Builder::unmodeled)
        .namespaces(PoolRbdConfigOptions::namespaces, PoolRbdConfigOptions.Builder::namespaces)
        .list("rbd:option", POOL_RBD_CONFIG_OPTION, PoolRbdConfigOptions::options, PoolRbdConfigOptions.Builder::options));

  /** What reading {@code <pool>} collects before the spec is built: whether {@code <name>} was there, and the source. */
  static final class PoolDraft {
    final StoragePoolSpec.Builder b = StoragePoolSpec.builder();
    boolean named;
    Optional<PoolSource> source = Optional.empty();
  }

  static StoragePoolSpec finishPool(PoolDraft d) {
    if (!d.named) {
      // libvirt names a pool without <name> after its source's <name> (logical, rbd, gluster, zfs, ...)
      Optional<String> sourceName = d.source.flatMap(PoolSource::name);
      if (sourceName.isEmpty()) throw new InvalidSpecException("pool/name", "is required (libvirt: missing pool source name element)");
      d.b.name(sourceName.get()).isNameWritten(false);
    }
    return d.b.build();
  }

  private static final ElementCodec<StoragePoolSpec, PoolDraft> POOL =
      ElementCodec.lazy(() -> ElementCodec.of("pool", PoolDraft::new, StorageCodecs::finishPool, StoragePoolSpec::unmodeled, (d, u) -> d.b.unmodeled(u))
        .namespaces(StoragePoolSpec::namespaces, (d, m) -> d.b.namespaces(withoutImplied(m)))
        .attr("type", StoragePoolSpec::type, (d, v) -> d.b.type(v))
        .textChild("name", s -> s.isNameWritten() ? Optional.of(s.name()) : Optional.empty(), (d, v) -> {
          d.named = true;
          d.b.name(v.orElse(""));
        })
        .textChild("uuid", StoragePoolSpec::uuid, (d, v) -> d.b.uuid(v))
        .child("capacity", keptVerbatimWhenInvalid(SizeCodec.storage("capacity")), StoragePoolSpec::capacity, (d, v) -> d.b.capacity(v))
        .child("allocation", keptVerbatimWhenInvalid(SizeCodec.storage("allocation")), StoragePoolSpec::allocation, (d, v) -> d.b.allocation(v))
        .child("available", keptVerbatimWhenInvalid(SizeCodec.storage("available")), StoragePoolSpec::available, (d, v) -> d.b.available(v))
        .child("features", POOL_FEATURES, StoragePoolSpec::features, (d, v) -> d.b.features(v))
        .child("source", POOL_SOURCE, StoragePoolSpec::source, (d, v) -> {
          d.source = v;
          d.b.source(v);
        })
        .child("target", POOL_TARGET, StoragePoolSpec::target, (d, v) -> d.b.target(v))
        .child("refresh", POOL_REFRESH, StoragePoolSpec::refresh, (d, v) -> d.b.refresh(v))
        .child("fs:mount_opts", POOL_MOUNT_OPTIONS, StoragePoolSpec::mountOptions, (d, v) -> d.b.mountOptions(v))
        .child("rbd:config_opts", POOL_RBD_CONFIG_OPTIONS, StoragePoolSpec::rbdConfigOptions, (d, v) -> d.b.rbdConfigOptions(v)));

  /** {@code xmlns:fs} and {@code xmlns:rbd} are implied by their elements (rendering adds them), so a parsed spec equals a built one. */
  static Map<String, String> withoutImplied(Map<String, String> ns) {
    if (!StoragePoolSpec.FS_NAMESPACE.equals(ns.get("fs")) && !StoragePoolSpec.RBD_NAMESPACE.equals(ns.get("rbd"))) return ns;
    Map<String, String> m = new LinkedHashMap<>(ns);
    m.remove("fs", StoragePoolSpec.FS_NAMESPACE);
    m.remove("rbd", StoragePoolSpec.RBD_NAMESPACE);
    return m;
  }

  /** {@code <pool>} with the namespace declarations its {@code fs:} and {@code rbd:} elements need. */
  private static final Codec<StoragePoolSpec> POOL_ROOT = new Codec<>() {
    @Override public StoragePoolSpec read(XmlElement e, XPath path) { return POOL.read(e, path); }

    @Override public XmlElement write(StoragePoolSpec p) {
      XmlElement e = POOL.write(p);
      Map<String, String> add = new LinkedHashMap<>();
      if (p.mountOptions().isPresent() && !p.namespaces().containsKey("fs") && !p.mountOptions().get().namespaces().containsKey("fs")) {
        add.put("xmlns:fs", StoragePoolSpec.FS_NAMESPACE);
      }
      if (p.rbdConfigOptions().isPresent() && !p.namespaces().containsKey("rbd") && !p.rbdConfigOptions().get().namespaces().containsKey("rbd")) {
        add.put("xmlns:rbd", StoragePoolSpec.RBD_NAMESPACE);
      }
      if (add.isEmpty()) return e;
      XmlElement.Builder b = XmlElement.builder(e.name());
      for (int i = 0; i < e.attrCount(); i++) b.attr(e.attrName(i), e.attrValue(i));
      add.forEach(b::attr); // after type, as libvirt writes it
      if (e.text() != null) b.text(e.text());
      for (XmlElement c : e.children()) b.child(c);
      return b.build();
    }

    @Override public void unmodeled(StoragePoolSpec p, String path, List<String> out) { POOL.unmodeled(p, path, out); }
  };

  private static final XmlDocument<StoragePoolSpec> POOL_DOCUMENT = XmlDocument.of("pool", POOL_ROOT);

  /** The {@code <pool>} document. */
  public static XmlDocument<StoragePoolSpec> storagePoolSpecDocument() { return POOL_DOCUMENT; }

  // ------------------------------------------------------------------ volume

  static final ElementCodec<VolumeTimestamps, VolumeTimestamps.Builder> VOLUME_TIMESTAMPS =
      ElementCodec.lazy(() -> ElementCodec.of("timestamps", VolumeTimestamps.Builder::new, VolumeTimestamps.Builder::build, VolumeTimestamps::unmodeled, VolumeTimestamps.Builder::unmodeled)
        .textChild("atime", VolumeTimestamps::atime, VolumeTimestamps.Builder::atime)
        .textChild("btime", VolumeTimestamps::btime, VolumeTimestamps.Builder::btime)
        .textChild("ctime", VolumeTimestamps::ctime, VolumeTimestamps.Builder::ctime)
        .textChild("mtime", VolumeTimestamps::mtime, VolumeTimestamps.Builder::mtime));

  static final ElementCodec<VolumeFeatures, VolumeFeatures.Builder> VOLUME_FEATURES =
      ElementCodec.lazy(() -> ElementCodec.of("features", VolumeFeatures.Builder::new, VolumeFeatures.Builder::build, VolumeFeatures::unmodeled, VolumeFeatures.Builder::unmodeled)
        .flag("lazy_refcounts", VolumeFeatures::lazyRefcounts, VolumeFeatures.Builder::lazyRefcounts)
        .flag("extended_l2", VolumeFeatures::extendedL2, VolumeFeatures.Builder::extendedL2));

  static final ElementCodec<VolumeTarget, VolumeTarget.Builder> VOLUME_TARGET =
      ElementCodec.lazy(() -> ElementCodec.of("target", VolumeTarget.Builder::new, VolumeTarget.Builder::build, VolumeTarget::unmodeled, VolumeTarget.Builder::unmodeled)
        .textChild("path", VolumeTarget::path, VolumeTarget.Builder::path)
        .attrChild("format", "type", VolumeTarget::format, VolumeTarget.Builder::format)
        .child("permissions", PERMISSIONS, VolumeTarget::permissions, VolumeTarget.Builder::permissions)
        .child("timestamps", VOLUME_TIMESTAMPS, VolumeTarget::timestamps, VolumeTarget.Builder::timestamps)
        .child("encryption", CommonCodecs.ENCRYPTION, VolumeTarget::encryption, VolumeTarget.Builder::encryption)
        .textChild("compat", VolumeTarget::compat, VolumeTarget.Builder::compat)
        .flag("nocow", VolumeTarget::nocow, VolumeTarget.Builder::nocow)
        .child("clusterSize", decimalSize("clusterSize"), VolumeTarget::clusterSize, VolumeTarget.Builder::clusterSize)
        .child("features", VOLUME_FEATURES, VolumeTarget::features, VolumeTarget.Builder::features));

  static final ElementCodec<VolumeBackingStore, VolumeBackingStore.Builder> VOLUME_BACKING_STORE =
      ElementCodec.lazy(() -> ElementCodec.of("backingStore", VolumeBackingStore.Builder::new, VolumeBackingStore.Builder::build, VolumeBackingStore::unmodeled, VolumeBackingStore.Builder::unmodeled)
        .textChild("path", VolumeBackingStore::path, VolumeBackingStore.Builder::path)
        .attrChild("format", "type", VolumeBackingStore::format, VolumeBackingStore.Builder::format)
        .child("permissions", PERMISSIONS, VolumeBackingStore::permissions, VolumeBackingStore.Builder::permissions)
        .child("timestamps", VOLUME_TIMESTAMPS, VolumeBackingStore::timestamps, VolumeBackingStore.Builder::timestamps));

  static final ElementCodec<VolumeSourceDevice, VolumeSourceDevice.Builder> VOLUME_SOURCE_DEVICE =
      ElementCodec.lazy(() -> ElementCodec.of("device", VolumeSourceDevice.Builder::new, VolumeSourceDevice.Builder::build, VolumeSourceDevice::unmodeled, VolumeSourceDevice.Builder::unmodeled)
        .attr("path", VolumeSourceDevice::path, VolumeSourceDevice.Builder::path)
        .list("extent", extent("extent"), VolumeSourceDevice::extents, VolumeSourceDevice.Builder::extents));

  static final ElementCodec<VolumeSource, VolumeSource.Builder> VOLUME_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", VolumeSource.Builder::new, VolumeSource.Builder::build, VolumeSource::unmodeled, VolumeSource.Builder::unmodeled)
        .list("device", VOLUME_SOURCE_DEVICE, VolumeSource::devices, VolumeSource.Builder::devices));

  private static final ElementCodec<StorageVolumeSpec, StorageVolumeSpec.Builder> VOLUME =
      ElementCodec.lazy(() -> ElementCodec.of("volume", StorageVolumeSpec.Builder::new, StorageVolumeSpec.Builder::build, StorageVolumeSpec::unmodeled, StorageVolumeSpec.Builder::unmodeled)
        .attr("type", StorageVolumeSpec::type, StorageVolumeSpec.Builder::type)
        .textChild("name", s -> Optional.of(s.name()), (b, v) -> b.name(v.orElse("")))
        .textChild("key", StorageVolumeSpec::key, StorageVolumeSpec.Builder::key)
        .child("source", keptVerbatimWhenInvalid(VOLUME_SOURCE), StorageVolumeSpec::source, StorageVolumeSpec.Builder::source)
        .child("capacity", decimalSize("capacity"), StorageVolumeSpec::capacity, StorageVolumeSpec.Builder::capacity)
        .child("allocation", decimalSize("allocation"), StorageVolumeSpec::allocation, StorageVolumeSpec.Builder::allocation)
        .child("physical", keptVerbatimWhenInvalid(SizeCodec.storage("physical")), StorageVolumeSpec::physical, StorageVolumeSpec.Builder::physical)
        .child("target", VOLUME_TARGET, StorageVolumeSpec::target, StorageVolumeSpec.Builder::target)
        .child("backingStore", VOLUME_BACKING_STORE, StorageVolumeSpec::backingStore, StorageVolumeSpec.Builder::backingStore));

  private static final XmlDocument<StorageVolumeSpec> VOLUME_DOCUMENT = XmlDocument.of(VOLUME);

  /** The {@code <volume>} document. */
  public static XmlDocument<StorageVolumeSpec> storageVolumeSpecDocument() { return VOLUME_DOCUMENT; }
}
