package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.SnapshotDisk;
import io.kvmsdk.core.domain.SnapshotDiskDriver;
import io.kvmsdk.core.domain.SnapshotMemory;
import io.kvmsdk.core.domain.SnapshotSpec;
import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.RawCodec;
import io.kvmsdk.core.xml.ValueType;
import io.kvmsdk.core.xml.WrappedTextCodec;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlWriter;
import io.kvmsdk.core.xml.XmlDocument;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The mapping of {@code <domainsnapshot>}. */
public final class SnapshotCodecs {
  private SnapshotCodecs() {}

  static final ElementCodec<SnapshotDiskDriver, SnapshotDiskDriver.Builder> DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", SnapshotDiskDriver.Builder::new, SnapshotDiskDriver.Builder::build, SnapshotDiskDriver::unmodeled, SnapshotDiskDriver.Builder::unmodeled)
        .attr("type", SnapshotDiskDriver::type, SnapshotDiskDriver.Builder::type)
        .child("metadata_cache", StorageDeviceCodecs.METADATA_CACHE, SnapshotDiskDriver::metadataCache, SnapshotDiskDriver.Builder::metadataCache));

  /** The overlay's source is read by libvirt's disk-source parser: the domain disk's {@code <source>} mapping. */
  static final ElementCodec<SnapshotDisk, SnapshotDisk.Builder> DISK =
      ElementCodec.lazy(() -> ElementCodec.of("disk", SnapshotDisk.Builder::new, SnapshotDisk.Builder::build, SnapshotDisk::unmodeled, SnapshotDisk.Builder::unmodeled)
        .attr("name", SnapshotDisk::name, SnapshotDisk.Builder::name)
        .attr("snapshot", SnapshotDisk::snapshot, SnapshotDisk.Builder::snapshot)
        .attr("type", SnapshotDisk::type, SnapshotDisk.Builder::type)
        .child("driver", DRIVER, SnapshotDisk::driver, SnapshotDisk.Builder::driver)
        .child("source", StorageDeviceCodecs.DISK_SOURCE, SnapshotDisk::source, SnapshotDisk.Builder::source));

  /** {@code <disks>} is a wrapper: the list lives on the snapshot itself. */
  static final Codec<List<SnapshotDisk>> DISKS = new Codec<>() {
    @Override public List<SnapshotDisk> read(XmlElement e, XPath path) {
      if (e.attrCount() > 0 || e.text() != null) return null;
      List<SnapshotDisk> out = new ArrayList<>();
      int i = 0;
      for (XmlElement c : e.children()) {
        if (!c.name().equals("disk")) return null;
        SnapshotDisk d = DISK.read(c, path.child("disk", ++i));
        if (d == null) return null;
        out.add(d);
      }
      // an empty <disks/> is kept verbatim: typed it would vanish from the render, and a second
      // <disks> kept after it would become the typed one on the next read
      return out.isEmpty() ? null : out;
    }

    @Override public XmlElement write(List<SnapshotDisk> v) {
      XmlElement.Builder b = XmlElement.builder("disks");
      for (SnapshotDisk d : v) b.child(DISK.write(d));
      return b.build();
    }

    @Override public void unmodeled(List<SnapshotDisk> v, String path, List<String> out) {
      for (SnapshotDisk d : v) DISK.unmodeled(d, path + "/disk", out);
    }
  };

  static final ElementCodec<SnapshotMemory, SnapshotMemory.Builder> MEMORY =
      ElementCodec.lazy(() -> ElementCodec.of("memory", SnapshotMemory.Builder::new, SnapshotMemory.Builder::build, SnapshotMemory::unmodeled, SnapshotMemory.Builder::unmodeled)
        .attr("snapshot", SnapshotMemory::snapshot, SnapshotMemory.Builder::snapshot)
        .attr("file", SnapshotMemory::file, SnapshotMemory.Builder::file));

  /**
   * A domain inside a snapshot, read as libvirt reads it on a redefine: with the parser's rules but
   * without define-time validation ({@code VIR_DOMAIN_DEF_PARSE_SKIP_VALIDATE}). A {@code <domain>}
   * without a type holds only the domain's UUID: that is {@link SnapshotSpec#domainUuid()}.
   */
  static Codec<DomainSpec> embeddedDomain(String name) {
    return new Codec<>() {
      @Override public DomainSpec read(XmlElement e, XPath path) {
        if (e.attr("type") == null) return null;
        XmlElement asDomain = e.name().equals("domain") ? e : rename(e, "domain");
        return DomainCodecs.readWithoutValidation(asDomain, path);
      }

      @Override public XmlElement write(DomainSpec d) {
        XmlElement x = DomainCodecs.domainTree(d);
        return name.equals("domain") ? x : rename(x, name);
      }

      @Override public void unmodeled(DomainSpec d, String path, List<String> out) { DomainCodecs.DOMAIN.unmodeled(d, path, out); }
    };
  }

  /** {@code <domain><uuid>...</uuid></domain>}: a snapshot that names its domain only by UUID. */
  static final Codec<String> DOMAIN_UUID = new Codec<>() {
    @Override public String read(XmlElement e, XPath path) {
      if (e.attrCount() > 0 || e.text() != null || e.children().size() != 1) return null;
      XmlElement u = e.children().get(0);
      if (!u.name().equals("uuid") || u.attrCount() > 0 || !u.children().isEmpty() || u.text() == null) return null;
      return u.text().strip();
    }

    @Override public XmlElement write(String uuid) {
      return XmlElement.builder("domain").child(XmlElement.builder("uuid").text(uuid).build()).build();
    }
  };

  /** The {@code <domain>} child: a definition, or only a UUID. */
  record DomainChild(DomainSpec spec, String uuid) {}

  static final Codec<DomainChild> DOMAIN = new Codec<>() {
    private final Codec<DomainSpec> definition = embeddedDomain("domain");

    @Override public DomainChild read(XmlElement e, XPath path) {
      if (e.attr("type") != null) {
        DomainSpec d = definition.read(e, path);
        return d == null ? null : new DomainChild(d, null);
      }
      String uuid = DOMAIN_UUID.read(e, path);
      return uuid == null ? null : new DomainChild(null, uuid);
    }

    @Override public XmlElement write(DomainChild v) { return v.spec() != null ? definition.write(v.spec()) : DOMAIN_UUID.write(v.uuid()); }

    @Override public void unmodeled(DomainChild v, String path, List<String> out) {
      if (v.spec() != null) definition.unmodeled(v.spec(), path, out);
    }
  };

  static java.util.Optional<DomainChild> domainChild(SnapshotSpec s) {
    if (s.domain().isPresent()) return java.util.Optional.of(new DomainChild(s.domain().get(), null));
    return s.domainUuid().map(u -> new DomainChild(null, u));
  }

  static void setDomainChild(SnapshotSpec.Builder b, java.util.Optional<DomainChild> v) {
    v.ifPresent(c -> {
      if (c.spec() != null) b.domain(c.spec());
      else b.domainUuid(c.uuid());
    });
  }

  static XmlElement rename(XmlElement e, String name) {
    XmlElement.Builder b = XmlElement.builder(name);
    for (int i = 0; i < e.attrCount(); i++) b.attr(e.attrName(i), e.attrValue(i));
    for (XmlElement c : e.children()) b.child(c);
    return b.text(e.text()).build();
  }

  static final ElementCodec<SnapshotSpec, SnapshotSpec.Builder> SNAPSHOT =
      ElementCodec.lazy(() -> ElementCodec.of("domainsnapshot", SnapshotSpec.Builder::new, SnapshotSpec.Builder::build, SnapshotSpec::unmodeled, SnapshotSpec.Builder::unmodeled)
        .textChild("name", SnapshotSpec::name, SnapshotSpec.Builder::name)
        .textChild("description", SnapshotSpec::description, SnapshotSpec.Builder::description)
        .textChild("state", SnapshotSpec::state, SnapshotSpec.Builder::state)
        .child("parent", new WrappedTextCodec("parent", "name"), SnapshotSpec::parent, SnapshotSpec.Builder::parent)
        .textChild("creationTime", ValueType.LONG, SnapshotSpec::creationTime, SnapshotSpec.Builder::creationTime)
        .child("memory", MEMORY, SnapshotSpec::memory, SnapshotSpec.Builder::memory)
        .child("disks", DISKS, s -> s.disks().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(s.disks()), (b, v) -> b.disks(v.get()))
        .textChild("active", ValueType.INT, SnapshotSpec::active, SnapshotSpec.Builder::active)
        .child("domain", DOMAIN, SnapshotCodecs::domainChild, SnapshotCodecs::setDomainChild)
        .child("inactiveDomain", embeddedDomain("inactiveDomain"), SnapshotSpec::inactiveDomain, SnapshotSpec.Builder::inactiveDomain)
        .child("cookie", new RawCodec("cookie"), SnapshotSpec::cookie, SnapshotSpec.Builder::cookie));

  public static SnapshotSpec parse(String xml) { return XmlDocument.of(SNAPSHOT).parse(xml); }

  public static String render(SnapshotSpec s) { return XmlWriter.write(SNAPSHOT.write(s)); }

  /** {@link #render} with secrets (the embedded domain's passwords, disk cookies) shown as {@code ****}. */
  public static String renderRedacted(SnapshotSpec s) { return XmlWriter.writeRedacted(SNAPSHOT.write(s)); }

  public static List<String> unmodeledPaths(SnapshotSpec s) {
    List<String> out = new ArrayList<>();
    SNAPSHOT.unmodeled(s, "domainsnapshot", out);
    return List.copyOf(new LinkedHashSet<>(out));
  }
}
