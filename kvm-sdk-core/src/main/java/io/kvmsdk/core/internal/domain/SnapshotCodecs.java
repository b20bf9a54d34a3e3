package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.SnapshotDisk;
import io.kvmsdk.core.domain.SnapshotDiskSource;
import io.kvmsdk.core.domain.SnapshotDiskSourceHost;
import io.kvmsdk.core.domain.SnapshotMemory;
import io.kvmsdk.core.domain.SnapshotSpec;
import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.RawCodec;
import io.kvmsdk.core.xml.ValueType;
import io.kvmsdk.core.xml.WrappedTextCodec;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlReader;
import io.kvmsdk.core.xml.XmlWriter;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The mapping of {@code <domainsnapshot>}. */
public final class SnapshotCodecs {
  private SnapshotCodecs() {}

  static final ElementCodec<SnapshotDiskSourceHost, SnapshotDiskSourceHost.Builder> HOST =
      ElementCodec.lazy(() -> ElementCodec.of("host", SnapshotDiskSourceHost.Builder::new, SnapshotDiskSourceHost.Builder::build, SnapshotDiskSourceHost::unmodeled, SnapshotDiskSourceHost.Builder::unmodeled)
        .attr("name", SnapshotDiskSourceHost::name, SnapshotDiskSourceHost.Builder::name)
        .attr("port", ValueType.UINT, SnapshotDiskSourceHost::port, SnapshotDiskSourceHost.Builder::port)
        .attr("transport", SnapshotDiskSourceHost::transport, SnapshotDiskSourceHost.Builder::transport)
        .attr("socket", SnapshotDiskSourceHost::socket, SnapshotDiskSourceHost.Builder::socket));

  static final ElementCodec<SnapshotDiskSource, SnapshotDiskSource.Builder> SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", SnapshotDiskSource.Builder::new, SnapshotDiskSource.Builder::build, SnapshotDiskSource::unmodeled, SnapshotDiskSource.Builder::unmodeled)
        .attr("file", SnapshotDiskSource::file, SnapshotDiskSource.Builder::file)
        .attr("dev", SnapshotDiskSource::dev, SnapshotDiskSource.Builder::dev)
        .attr("protocol", SnapshotDiskSource::protocol, SnapshotDiskSource.Builder::protocol)
        .attr("name", SnapshotDiskSource::name, SnapshotDiskSource.Builder::name)
        .list("host", HOST, SnapshotDiskSource::hosts, SnapshotDiskSource.Builder::hosts));

  static final ElementCodec<SnapshotDisk, SnapshotDisk.Builder> DISK =
      ElementCodec.lazy(() -> ElementCodec.of("disk", SnapshotDisk.Builder::new, SnapshotDisk.Builder::build, SnapshotDisk::unmodeled, SnapshotDisk.Builder::unmodeled)
        .attr("name", SnapshotDisk::name, SnapshotDisk.Builder::name)
        .attr("snapshot", SnapshotDisk::snapshot, SnapshotDisk.Builder::snapshot)
        .attr("type", SnapshotDisk::type, SnapshotDisk.Builder::type)
        .attrChild("driver", "type", SnapshotDisk::driverType, SnapshotDisk.Builder::driverType)
        .child("source", SOURCE, SnapshotDisk::source, SnapshotDisk.Builder::source));

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
      return out;
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

  /** A domain inside a snapshot; libvirt may store only a fragment (say, just the UUID): kept verbatim then. */
  static Codec<DomainSpec> embeddedDomain(String name) {
    return new Codec<>() {
      @Override public DomainSpec read(XmlElement e, XPath path) {
        if (e.attr("type") == null || e.children().stream().noneMatch(c -> c.name().equals("name"))) return null;
        XmlElement asDomain = e.name().equals("domain") ? e : rename(e, "domain");
        return DomainCodecs.DOMAIN.read(asDomain, path);
      }

      @Override public XmlElement write(DomainSpec d) {
        XmlElement x = DomainCodecs.domainTree(d);
        return name.equals("domain") ? x : rename(x, name);
      }

      @Override public void unmodeled(DomainSpec d, String path, List<String> out) { DomainCodecs.DOMAIN.unmodeled(d, path, out); }
    };
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
        .child("domain", embeddedDomain("domain"), SnapshotSpec::domain, SnapshotSpec.Builder::domain)
        .child("inactiveDomain", embeddedDomain("inactiveDomain"), SnapshotSpec::inactiveDomain, SnapshotSpec.Builder::inactiveDomain)
        .child("cookie", new RawCodec("cookie"), SnapshotSpec::cookie, SnapshotSpec.Builder::cookie));

  public static SnapshotSpec parse(String xml) {
    XmlElement root = XmlReader.parse(xml, "domainsnapshot");
    if (!root.name().equals("domainsnapshot")) {
      throw new InvalidSpecException("domainsnapshot", "root element must be <domainsnapshot>, got <" + root.name() + ">");
    }
    return SNAPSHOT.read(root, XPath.root("domainsnapshot"));
  }

  public static String render(SnapshotSpec s) { return XmlWriter.write(SNAPSHOT.write(s)); }

  public static List<String> unmodeledPaths(SnapshotSpec s) {
    List<String> out = new ArrayList<>();
    SNAPSHOT.unmodeled(s, "domainsnapshot", out);
    return List.copyOf(new LinkedHashSet<>(out));
  }
}
