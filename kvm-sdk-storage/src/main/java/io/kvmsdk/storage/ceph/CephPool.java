package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.common.Auth;
import io.kvmsdk.core.common.SecretRef;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.secret.SecretSpec;
import io.kvmsdk.core.storage.PoolSource;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.storage.internal.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A Ceph pool for VM disks: replicated ({@code size}/{@code min_size}) or erasure-coded (a
 * {@link CephErasureProfile}), its CRUSH rule, {@code pg_num}/{@code pgp_num} and autoscale mode, the
 * application ({@code rbd}) and its RBD images; compiled to {@code ceph osd pool ...} and {@code rbd ...}
 * command plans, and to the libvirt side: the {@code rbd} storage pool and the cephx secret.
 *
 * <pre>{@code
 * CephPool vms = CephPool.replicated("vms", 3).copy(b -> b.crushRule("by_rack").addImages(RbdImage.of("web1", 20480)));
 * vms.createPlan();                 // ceph osd pool create vms 32 32 replicated by_rack, set size/min_size, application enable
 * vms.rbdPlan();                    // rbd pool init vms, rbd create vms/web1 --size 20480
 * vms.checkAgainst(crushMap);       // "pool size 3 exceeds the 2 failure domains of type 'rack' ..." when it does not fit
 * }</pre>
 *
 * <p>Defaults are Ceph's: {@code min_size} is {@code size - size/2} (2 of 3) for replicated pools and
 * {@code k + min(1, m-1)} for erasure-coded ones; {@code pg_num} 32 with the autoscaler on. RBD images
 * cannot live in an erasure-coded pool (their metadata needs omap): put them in a replicated pool with
 * {@link RbdImage#dataPool()} naming the erasure-coded one, which then gets {@code allow_ec_overwrites}.
 */
@Value.Immutable
public abstract class CephPool {
  private static final Set<String> AUTOSCALE = Set.of("on", "off", "warn");

  public abstract String name();

  /** Erasure-coded when present, replicated otherwise. */
  public abstract Optional<CephErasureProfile> erasureProfile();

  /** Replicas (replicated) or k+m (erasure-coded). */
  @Value.Default public int size() { return erasureProfile().map(p -> p.k() + p.m()).orElse(3); }

  /** Copies (or chunks) a PG needs to accept writes. */
  @Value.Default public int minSize() {
    return erasureProfile().map(p -> p.k() + Math.min(1, p.m() - 1)).orElse(size() - size() / 2);
  }

  /** The CRUSH rule by name; absent: {@code replicated_rule} (replicated) or a rule named after the pool made from the profile (erasure). */
  public abstract Optional<String> crushRule();

  @Value.Default public int pgNum() { return 32; }

  public abstract Optional<Integer> pgpNum();

  /** {@code pg_autoscale_mode}: on, off or warn. */
  @Value.Default public String autoscaleMode() { return "on"; }

  /** The application the pool is enabled for ({@code rbd}, {@code cephfs}, {@code rgw}, ...). */
  @Value.Default public String application() { return "rbd"; }

  public abstract List<RbdImage> images();

  public static CephPool replicated(String name, int size) { return builder().name(name).size(size).build(); }

  public static CephPool erasure(String name, CephErasureProfile profile) { return builder().name(name).erasureProfile(profile).build(); }

  public static Builder builder() { return new Builder(); }

  public CephPool copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  public boolean isErasure() { return erasureProfile().isPresent(); }

  /** The name of the CRUSH rule the pool uses (see {@link #crushRule()}). */
  public String ruleName() { return crushRule().orElse(isErasure() ? name() : "replicated_rule"); }

  /**
   * The plan that creates the pool on a running cluster: the erasure-code profile (when erasure-coded),
   * {@code ceph osd pool create NAME PG PGP replicated|erasure [PROFILE] [RULE]} (check: {@code ceph osd
   * pool get NAME size}; undo: {@code pool delete}, which needs {@code mon_allow_pool_delete}), then
   * size, min_size, autoscale mode, {@code allow_ec_overwrites} (erasure-coded RBD data pools) and
   * {@code application enable}, each idempotent.
   */
  public Plan createPlan() {
    Plan.Builder p = Plan.builder();
    erasureProfile().ifPresent(e -> p.step(e.createStep()));
    List<String> create = new ArrayList<>(List.of("ceph", "osd", "pool", "create", name(), String.valueOf(pgNum()),
        String.valueOf(pgpNum().orElse(pgNum()))));
    if (isErasure()) {
      create.add("erasure");
      create.add(erasureProfile().get().name());
    } else {
      create.add("replicated");
    }
    crushRule().ifPresent(create::add);
    p.step(Step.builder("create " + (isErasure() ? "erasure-coded" : "replicated") + " pool " + name())
        .check(HostCommand.of("ceph", "osd", "pool", "get", name(), "size"))
        .change(HostCommand.of(create))
        .undo(HostCommand.of("ceph", "osd", "pool", "delete", name(), name(), "--yes-i-really-really-mean-it")));
    if (!isErasure()) p.step(set("size", String.valueOf(size())));
    p.step(set("min_size", String.valueOf(minSize())));
    p.step(set("pg_autoscale_mode", autoscaleMode()));
    if (isErasure() && application().equals("rbd")) p.step(set("allow_ec_overwrites", "true"));
    p.step(Step.of("enable application " + application() + " on pool " + name(),
        HostCommand.of("ceph", "osd", "pool", "application", "enable", name(), application())));
    return p.build();
  }

  private Step set(String key, String value) {
    return Step.of("set " + key + " " + value + " on pool " + name(), HostCommand.of("ceph", "osd", "pool", "set", name(), key, value));
  }

  /** {@code rbd pool init} and the images (create, snapshots, mirroring): needs running OSDs. */
  public Plan rbdPlan() {
    Plan.Builder p = Plan.builder();
    p.step(Step.of("initialise pool " + name() + " for RBD", HostCommand.of("rbd", "pool", "init", name())));
    for (RbdImage i : images()) p.plan(i.plan(name()));
    return p.build();
  }

  /**
   * The cephx user libvirt/QEMU connect as, limited to this pool ({@code mon 'profile rbd' osd 'profile
   * rbd pool=NAME'}), its keyring written to {@code keyringFile} so the key never appears in argv or on
   * stdout: the file is first made empty with mode 0600 ({@code install -m 0600 /dev/null FILE}), then
   * {@code ceph ... -o FILE} writes the key into it (ceph truncates an existing file and keeps its mode).
   * {@code keyringFile} is an absolute path: {@code -} would make ceph print the key on stdout.
   */
  public Plan cephxUserPlan(String cephUser, String keyringFile) {
    CrushNames.check("cephx/user", cephUser);
    Names.path("cephx/keyring", keyringFile);
    if (keyringFile.endsWith("/")) throw new InvalidSpecException("cephx/keyring", "must name a file, not a directory, got '" + keyringFile + "'");
    String entity = "client." + cephUser;
    return Plan.of(Step.builder("create cephx user " + entity + " for pool " + name() + ", keyring " + keyringFile + " (0600)")
        .check(HostCommand.of("ceph", "auth", "get", entity, "-o", "/dev/null"))
        .change(HostCommand.of("install", "-m", "0600", "/dev/null", keyringFile))
        .change(HostCommand.of("ceph", "auth", "get-or-create", entity, "mon", "profile rbd", "osd", "profile rbd pool=" + name(), "-o", keyringFile))
        .undo(HostCommand.of("ceph", "auth", "rm", entity))
        .build());
  }

  /**
   * The libvirt secret (type ceph, private) that holds the cephx key: define it, then set the key with
   * {@code kvm.secrets()} from the keyring; the key is never part of a spec.
   */
  public SecretSpec cephxSecret(String usage) {
    return SecretSpec.ceph(usage).description("cephx key for RBD pool " + name()).build();
  }

  /** The libvirt {@code rbd} pool on this Ceph pool, reached through {@code monitors}, authenticated as {@code cephUser} with the secret of {@code secretUsage}. */
  public StoragePoolSpec libvirtPool(String poolName, String cephUser, String secretUsage, SourceHost... monitors) {
    if (monitors.length == 0) throw new InvalidSpecException("pool/source/host", "an rbd pool needs at least one monitor");
    return StoragePoolSpec.builder().type("rbd").name(poolName)
        .source(PoolSource.builder().hosts(Arrays.asList(monitors)).name(name())
            .auth(Auth.builder().type("ceph").username(cephUser).secret(SecretRef.builder().usage(secretUsage).build()).build()).build())
        .build();
  }

  /**
   * Warnings about this pool on {@code map}: its size against the rule's min/max size and against
   * the failure domains the rule spreads over (with the numbers). An erasure pool's rule, when the map
   * lacks it, is the one its profile makes. Empty when it fits.
   */
  public List<String> checkAgainst(CrushMap map) {
    CrushMap m = map;
    if (m.rule(ruleName()).isEmpty()) {
      if (!isErasure()) throw new InvalidSpecException("pool " + name() + "/crush_rule", "the CRUSH map has no rule named '" + ruleName() + "'");
      m = m.withRule(erasureProfile().get().crushRule(ruleName()));
    }
    return m.checkPool(ruleName(), size());
  }

  @Value.Check protected void check() {
    CrushNames.checkArg("pool/name", name());
    String at = "pool " + name();
    if (erasureProfile().isPresent()) {
      CephErasureProfile e = erasureProfile().get();
      if (size() != e.k() + e.m()) throw new InvalidSpecException(at + "/size", "an erasure-coded pool's size is k+m = " + (e.k() + e.m()) + ", got " + size());
      if (minSize() < e.k() || minSize() > size()) {
        throw new InvalidSpecException(at + "/min_size", "must be between k = " + e.k() + " and k+m = " + size() + ", got " + minSize());
      }
      if (!images().isEmpty()) {
        throw new InvalidSpecException(at + "/images", "RBD images cannot live in an erasure-coded pool; put them in a replicated pool with dataPool '" + name() + "'");
      }
    } else {
      if (size() < 1 || size() > 10) throw new InvalidSpecException(at + "/size", "must be 1..10, got " + size());
      if (minSize() < 1 || minSize() > size()) throw new InvalidSpecException(at + "/min_size", "must be 1..size (" + size() + "), got " + minSize());
    }
    if (pgNum() < 1 || pgNum() > 32768) throw new InvalidSpecException(at + "/pg_num", "must be 1..32768, got " + pgNum());
    pgpNum().ifPresent(n -> {
      if (n < 1 || n > pgNum()) throw new InvalidSpecException(at + "/pgp_num", "must be 1..pg_num (" + pgNum() + "), got " + n);
    });
    if (!AUTOSCALE.contains(autoscaleMode())) throw new InvalidSpecException(at + "/pg_autoscale_mode", "must be on, off or warn, got '" + autoscaleMode() + "'");
    crushRule().ifPresent(r -> CrushNames.checkArg(at + "/crush_rule", r));
    CrushNames.checkArg(at + "/application", application());
    if (images().stream().map(RbdImage::name).distinct().count() != images().size()) throw new InvalidSpecException(at + "/images", "image names repeat");
    if (!images().isEmpty() && !application().equals("rbd")) throw new InvalidSpecException(at + "/images", "RBD images need application rbd, got '" + application() + "'");
  }

  public static class Builder extends ImmutableCephPool.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "pool/name");
    @Override public CephPool build() { return REQUIRED.build(super::build); }
  }
}
