package io.kvmsdk.ha.drbd;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DiskDriver;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.ha.internal.DrbdCodec;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import io.kvmsdk.ha.pacemaker.Clone;
import io.kvmsdk.ha.pacemaker.NvSet;
import io.kvmsdk.ha.pacemaker.Op;
import io.kvmsdk.ha.pacemaker.Operations;
import io.kvmsdk.ha.pacemaker.Primitive;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A DRBD resource: a block device replicated between nodes, the disk of a guest that can run (and
 * live-migrate, with {@link #allowTwoPrimaries()}) on any of them. Rendered as a {@code .res} file
 * ({@link #resFile()}, parsed back by {@link #parse(String)}), put on a node by
 * {@link #plan(String)} ({@code drbdadm}), used by a guest through {@link #libvirtDisk(int)} and
 * managed by Pacemaker as {@link #pacemakerClone()}.
 *
 * <pre>{@code
 * DrbdResource r0 = DrbdResource.builder().name("r0").protocol("C").allowTwoPrimaries(true)
 *     .addVolume(DrbdVolume.of(0, "/dev/vg0/vm1"))
 *     .addHost("hv1", 0, "192.0.2.11").addHost("hv2", 1, "192.0.2.12")
 *     .verifyAlg("sha256").cramHmacAlg("sha256").sharedSecret("s3cret")
 *     .build();
 * String res = r0.resFile();
 * Plan plan = r0.plan("hv1");
 * }</pre>
 *
 * Refused at build time, naming the field: two primaries without protocol C, a node without a disk
 * for a volume, two nodes with one name, node-id or address, two volumes with one number or minor;
 * the shared secret never shows in {@code toString()}, logs or messages.
 */
@Value.Immutable
public abstract class DrbdResource {
  public abstract String name();

  /** Replication protocol: A (async), B (memory sync), C (sync; default). */
  @Value.Default public String protocol() { return "C"; }

  /** {@code allow-two-primaries}: both nodes may be Primary (needed to live-migrate a guest; protocol C only). */
  @Value.Default public boolean allowTwoPrimaries() { return false; }

  /** {@code verify-alg} for online verification ({@code drbdadm verify}). */
  public abstract Optional<String> verifyAlg();

  /** {@code cram-hmac-alg}: peer authentication with the shared secret. */
  public abstract Optional<String> cramHmacAlg();

  /** {@code shared-secret}: never printed. */
  @Value.Redacted public abstract Optional<String> sharedSecret();

  /** The replication port of nodes that do not name their own (default 7789). */
  @Value.Default public int port() { return 7789; }

  /** More {@code net} options (e.g. {@code max-buffers 8000}). */
  public abstract Map<String, String> netOptions();

  /** {@code disk} options (e.g. {@code resync-rate 100M}, {@code on-io-error detach}). */
  public abstract Map<String, String> diskOptions();

  public abstract List<DrbdVolume> volumes();

  public abstract List<DrbdHost> hosts();

  /** Resource-level statements no field covers, kept verbatim. */
  public abstract List<DrbdStatement> unmodeled();

  public static Builder builder() { return new Builder(); }

  /** Parses a {@code .res} file holding one resource. */
  public static DrbdResource parse(String text) { return DrbdCodec.parse(text); }

  /** The {@code .res} file (the shared secret included: this goes on the nodes, mode 0600). */
  public String resFile() { return DrbdCodec.render(this, false); }

  /** The file with the shared secret shown as {@code ****}. */
  public String resFileRedacted() { return DrbdCodec.render(this, true); }

  /** The plan that puts this resource on {@code node} (see {@link DrbdService}). */
  public Plan plan(String node) { return DrbdService.defaults().plan(this, node); }

  public DrbdResource copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  public DrbdHost host(String name) {
    return hosts().stream().filter(h -> h.name().equals(name)).findFirst()
        .orElseThrow(() -> new InvalidSpecException("resource " + name() + "/on", "has no node '" + name + "'"));
  }

  public DrbdVolume volume(int number) {
    return volumes().stream().filter(v -> v.number() == number).findFirst()
        .orElseThrow(() -> new InvalidSpecException("resource " + name() + "/volume", "has no volume " + number));
  }

  /** The backing disk of {@code volume} on {@code host}. */
  public String diskOf(DrbdHost host, DrbdVolume volume) {
    return Optional.ofNullable(host.disks().get(volume.number())).or(volume::disk).orElseThrow();
  }

  /**
   * The libvirt disk of a guest on this resource's device: a block disk on {@code /dev/drbdN},
   * raw, no host cache (what live migration with two primaries needs), virtio.
   */
  public Disk libvirtDisk(int volume) {
    return Disk.block(volume(volume).device())
        .copy(b -> b.driver(DiskDriver.builder().name("qemu").type("raw").cache("none").io("native").build()))
        .virtio();
  }

  /**
   * The Pacemaker promotable clone that runs this resource ({@code ocf:linbit:drbd}): promoted on
   * one node, or two with {@link #allowTwoPrimaries()}. Ids: {@code <name>-drbd}, {@code <name>-drbd-clone}.
   */
  public Clone pacemakerClone() {
    String id = name() + "-drbd";
    Primitive p = Primitive.builder().id(id).resourceClass("ocf").provider("linbit").type("drbd")
        .addInstanceAttribute(NvSet.of(id + "-instance_attributes", Map.of("drbd_resource", name())))
        .operations(Operations.builder()
            .addOp(Op.builder().id(id + "-monitor-interval-20s").name("monitor").interval("20s").timeout("20s").role("Unpromoted").build())
            .addOp(Op.builder().id(id + "-monitor-interval-10s").name("monitor").interval("10s").timeout("20s").role("Promoted").build())
            .build())
        .build();
    Map<String, String> meta = new TreeMap<>(Map.of("promotable", "true", "promoted-max", allowTwoPrimaries() ? "2" : "1",
        "promoted-node-max", "1", "clone-max", String.valueOf(hosts().size()), "clone-node-max", "1", "notify", "true"));
    return Clone.builder().id(id + "-clone").primitive(p).addMetaAttribute(NvSet.of(id + "-clone-meta_attributes", meta)).build();
  }

  @Value.Check protected void check() {
    Names.word("resource", name());
    if (name().indexOf(':') >= 0) throw new InvalidSpecException("resource", "a DRBD resource name has no ':' (drbdadm: '{' expected), got '" + name() + "'");
    String at = "resource " + name();
    if (!Set.of("A", "B", "C").contains(protocol())) throw new InvalidSpecException(at + "/net/protocol", "must be A, B or C, got '" + protocol() + "'");
    if (allowTwoPrimaries() && !protocol().equals("C")) {
      throw new InvalidSpecException(at + "/net/allow-two-primaries", "needs protocol C (with A or B two primaries can diverge), got protocol " + protocol());
    }
    verifyAlg().ifPresent(a -> alg(at + "/net/verify-alg", a));
    cramHmacAlg().ifPresent(a -> alg(at + "/net/cram-hmac-alg", a));
    if (sharedSecret().isPresent()) {
      String s = sharedSecret().get();
      if (s.isEmpty() || s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63 || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\\')) {
        throw new InvalidSpecException(at + "/net/shared-secret", "must be 1-63 bytes in UTF-8, printable, without quotes or '\\' (drbdadm: max len 63; the value is not shown)");
      }
      if (cramHmacAlg().isEmpty()) throw new InvalidSpecException(at + "/net/cram-hmac-alg", "is required with a shared secret (DRBD authenticates peers with it)");
    }
    if (port() < 1 || port() > 65535) throw new InvalidSpecException(at + "/port", "must be 1..65535, got " + port());
    options(at + "/net", netOptions(), true);
    options(at + "/disk", diskOptions(), false);
    for (DrbdStatement st : unmodeled()) {
      if (st.section() && Set.of("net", "disk", "connection-mesh").contains(st.keyword())) {
        throw new InvalidSpecException(at + "/" + st.keyword(), "is a section DrbdResource writes itself (drbdadm: conflicting use of " + st.keyword() + " section): use its fields");
      }
    }
    if (volumes().isEmpty()) throw new InvalidSpecException(at + "/volume", "needs at least one volume");
    Set<Integer> numbers = new HashSet<>();
    Set<Integer> minors = new HashSet<>();
    for (DrbdVolume v : volumes()) {
      if (!numbers.add(v.number())) throw new InvalidSpecException(at + "/volume " + v.number(), "volume " + v.number() + " is defined twice");
      if (!minors.add(v.minor())) throw new InvalidSpecException(at + "/volume " + v.number() + "/device", "minor " + v.minor() + " is used twice");
    }
    if (hosts().size() < 2) throw new InvalidSpecException(at + "/on", "a replicated resource needs at least two nodes, got " + hosts().size());
    Set<String> names = new HashSet<>();
    Set<Integer> ids = new HashSet<>();
    Set<String> endpoints = new HashSet<>();
    for (DrbdHost h : hosts()) {
      String hat = at + "/on " + h.name();
      if (!names.add(h.name())) throw new InvalidSpecException(hat, "two nodes are named '" + h.name() + "'");
      if (!ids.add(h.nodeId())) throw new InvalidSpecException(hat + "/node-id", "node-id " + h.nodeId() + " is used twice");
      String ep = java.util.Arrays.toString(Inet.address(h.address(), hat + "/address").bytes()) + ":" + h.port().orElse(port());
      if (!endpoints.add(ep)) throw new InvalidSpecException(hat + "/address", "is another node's address and port already: " + h.address());
      for (DrbdVolume v : volumes()) {
        if (!h.disks().containsKey(v.number()) && v.disk().isEmpty()) {
          throw new InvalidSpecException(hat + "/volume " + v.number() + "/disk", "the node has no disk for volume " + v.number()
              + " (give the volume a disk, the node its own, or 'none' for a diskless node)");
        }
      }
      for (Integer n : h.disks().keySet()) {
        if (!numbers.contains(n)) throw new InvalidSpecException(hat + "/volume " + n, "names no volume of the resource");
      }
    }
    boolean v4 = Inet.address(hosts().get(0).address(), "address").isV4();
    for (DrbdHost h : hosts()) {
      if (Inet.address(h.address(), "address").isV4() != v4) throw new InvalidSpecException(at + "/on " + h.name() + "/address", "mixes IPv4 and IPv6 node addresses");
    }
  }

  private static void alg(String field, String a) {
    if (!a.matches("[a-z0-9-]{1,32}")) throw new InvalidSpecException(field, "must be a kernel crypto algorithm name (sha256, crc32c, ...), got '" + a + "'");
  }

  private static void options(String field, Map<String, String> opts, boolean net) {
    for (Map.Entry<String, String> e : opts.entrySet()) {
      if (!e.getKey().matches("[a-z][a-z0-9-]*")) throw new InvalidSpecException(field + "/" + e.getKey(), "an option name is lower-case letters, digits and '-'");
      if (Set.of("protocol", "allow-two-primaries", "verify-alg", "cram-hmac-alg", "shared-secret").contains(e.getKey())) {
        throw new InvalidSpecException(field + "/" + e.getKey(), "has its own field on DrbdResource");
      }
      if (net) io.kvmsdk.ha.internal.DrbdOptions.net(field + "/" + e.getKey(), e.getKey(), e.getValue());
      else io.kvmsdk.ha.internal.DrbdOptions.disk(field + "/" + e.getKey(), e.getKey(), e.getValue());
      io.kvmsdk.ha.internal.DrbdText.word(e.getValue(), field + "/" + e.getKey());
    }
  }

  @Override public String toString() { return resFileRedacted(); }

  /** Builds a {@link DrbdResource}. */
  public static class Builder extends ImmutableDrbdResource.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "resource/name");

    /** Builds the resource; a missing name is an {@link InvalidSpecException} naming it. */
    @Override public DrbdResource build() { return REQUIRED.build(super::build); }

    /** Adds a node with the resource's port, its disks from the volumes. */
    public Builder addHost(String name, int nodeId, String address) {
      addHost(DrbdHost.builder().name(name).nodeId(nodeId).address(address).build());
      return this;
    }
  }
}
