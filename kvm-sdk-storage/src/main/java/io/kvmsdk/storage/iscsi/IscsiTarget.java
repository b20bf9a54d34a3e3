package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.common.Auth;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DiskInitiator;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.secret.Secret;
import io.kvmsdk.core.secret.SecretSpec;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.storage.internal.Names;
import io.kvmsdk.storage.internal.TgtConf;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * An iSCSI target: its IQN, its LUNs (files, block devices, RBD images), the portals it listens on,
 * the initiators allowed in (ACL), CHAP one-way ({@link #chap()}: the initiator proves itself) and
 * mutual ({@link #mutualChap()}: the target proves itself too), and session limits. It compiles to
 * tgt ({@link #tgtPlan()}: live {@code tgtadm} steps; {@link #targetsConf()}), to LIO
 * ({@link #lioPlan()}: {@code targetcli} steps; {@link #lioSaveconfig()}), and to the initiator
 * side: the libvirt pool ({@link #libvirtPool}), a guest's network disk ({@link #disk}) and the
 * libvirt secret holding the CHAP secret ({@link #chapSecret}).
 *
 * <pre>{@code
 * IscsiTarget t = IscsiTarget.builder()
 *     .iqn("iqn.2026-01.io.kvmsdk:vmstore")
 *     .addLun(1, "/srv/iscsi/vm1.img")
 *     .chap("vmuser", "s3cret-s3cret")
 *     .allowInitiator("iqn.2026-01.io.kvmsdk:hv1")
 *     .build();
 * Plan p = t.tgtPlan();                                       // tgtadm steps, idempotent
 * StoragePoolSpec pool = t.libvirtPool("san", "192.0.2.10", "iqn.2026-01.io.kvmsdk:hv1", "vmstore-chap");
 * }</pre>
 *
 * <p>{@code toString()} shows the target as tgt's {@code targets.conf} would, the CHAP secrets as
 * {@code ****}; no method of this class puts a secret into an exception message.
 */
@Value.Immutable
public abstract class IscsiTarget {
  /** tgt's MaxConnections and MaxQueueCmd ranges. */
  public static final int MAX_CONNECTIONS = 65535;
  public static final int MAX_QUEUE_CMD = 512;

  /** The target's IQN (or EUI name). */
  public abstract String iqn();

  /** tgt's target id ({@code --tid}), unique in one tgtd; 1 by default. */
  @Value.Default public int tid() { return 1; }

  public abstract List<IscsiLun> luns();

  /**
   * The portals the target is reached on. tgt's portals belong to the whole tgtd (a tgt plan adds
   * the missing ones); LIO's to the target's portal group. Empty: tgtd's own portals, or LIO's
   * default {@code 0.0.0.0:3260}. Two portals on two networks give multipath two paths.
   */
  public abstract List<IscsiPortal> portals();

  /** The initiators allowed to log in (the ACL), by IQN. */
  public abstract List<String> initiators();

  /** Whether any initiator may log in (tgt {@code ALL}, LIO demo mode); CHAP still applies. */
  @Value.Default public boolean allowAnyInitiator() { return false; }

  /** One-way CHAP: the user and secret initiators log in with. */
  public abstract Optional<ChapCredentials> chap();

  /** Mutual CHAP: the user and secret the target answers with (needs {@link #chap()}; the secrets must differ). */
  public abstract Optional<ChapCredentials> mutualChap();

  /** The connections one session may open (iSCSI {@code MaxConnections}, 1-65535). */
  public abstract Optional<Integer> maxConnections();

  /** The commands one session may queue (tgt {@code MaxQueueCmd}, LIO {@code default_cmdsn_depth}, 1-512). */
  public abstract Optional<Integer> maxQueueCmd();

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public IscsiTarget copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  // ------------------------------------------------------------------ rules

  @Value.Check protected void check() {
    Iqn.check("target/@iqn", iqn());
    if (tid() < 1) throw new InvalidSpecException("target/@tid", "must be at least 1 (tgt's tid 0 is reserved), got " + tid());
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < luns().size(); i++) {
      IscsiLun l = luns().get(i);
      if (!seen.add(l.lun())) {
        throw new InvalidSpecException("target/lun[" + (i + 1) + "]/@lun", "LUN " + l.lun() + " is repeated: LUN numbers are unique in a target");
      }
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < initiators().size(); i++) {
      String q = initiators().get(i);
      Iqn.check("target/acl[" + (i + 1) + "]", q);
      if (!names.add(q)) throw new InvalidSpecException("target/acl[" + (i + 1) + "]", "initiator " + q + " is listed twice");
    }
    if (initiators().isEmpty() && !allowAnyInitiator()) {
      throw new InvalidSpecException("target/acl", "no initiator may log in: name them with allowInitiator(iqn), or allowAnyInitiator(true)");
    }
    if (allowAnyInitiator() && !initiators().isEmpty()) {
      throw new InvalidSpecException("target/acl", "either any initiator may log in or the listed ones, not both");
    }
    if (portals().size() != new HashSet<>(portals()).size()) throw new InvalidSpecException("target/portal", "a portal is listed twice");
    chap().ifPresent(c -> c.check("target/chap"));
    if (mutualChap().isPresent()) {
      if (chap().isEmpty()) throw new InvalidSpecException("target/mutual_chap", "mutual CHAP needs one-way CHAP (chap(user, secret)) first");
      mutualChap().get().check("target/mutual_chap");
      if (mutualChap().get().secret().equals(chap().get().secret())) {
        throw new InvalidSpecException("target/mutual_chap/secret", "must differ from the one-way CHAP secret (RFC 3720 section 8.2.1; the values are not shown)");
      }
    }
    maxConnections().ifPresent(m -> {
      if (m < 1 || m > MAX_CONNECTIONS) throw new InvalidSpecException("target/MaxConnections", "must be 1-" + MAX_CONNECTIONS + ", got " + m);
    });
    maxQueueCmd().ifPresent(m -> {
      if (m < 1 || m > MAX_QUEUE_CMD) throw new InvalidSpecException("target/MaxQueueCmd", "must be 1-" + MAX_QUEUE_CMD + ", got " + m);
    });
  }

  /** The LUN numbered {@code lun}. */
  public IscsiLun lun(int lun) {
    return luns().stream().filter(l -> l.lun() == lun).findFirst()
        .orElseThrow(() -> new InvalidSpecException("target/lun", "target " + iqn() + " has no LUN " + lun + " (it has " + luns().stream().map(IscsiLun::lun).toList() + ")"));
  }

  /**
   * The queue depth a tgt target gets: {@link #maxQueueCmd()}, else the smallest of the LUNs'
   * {@link IscsiLun#queueDepth()}s (tgt queues per target), else none (tgt's default, 128).
   */
  public Optional<Integer> tgtMaxQueueCmd() {
    if (maxQueueCmd().isPresent()) return maxQueueCmd();
    return luns().stream().map(IscsiLun::queueDepth).flatMap(Optional::stream).min(Integer::compare);
  }

  // ------------------------------------------------------------------ tgt

  /** The {@code tgtadm} plan that creates this target in the local tgtd (default control port); idempotent. */
  public Plan tgtPlan() { return Tgt.defaults().plan(this); }

  /** The {@code tgtadm} plan against the tgtd {@code tgt} describes (its control port). */
  public Plan tgtPlan(Tgt tgt) { return tgt.plan(this); }

  /** The {@code tgtadm} plan that deletes this target and its CHAP accounts from the local tgtd; idempotent. */
  public Plan tgtRemovalPlan() { return Tgt.defaults().removalPlan(this); }

  /** The removal plan against the tgtd {@code tgt} describes. */
  public Plan tgtRemovalPlan(Tgt tgt) { return tgt.removalPlan(this); }

  /**
   * This target as a {@code <target>} block of tgt's {@code targets.conf} (read by
   * {@code tgt-admin}). Contains the CHAP secrets: write it with mode 0600 (as
   * {@link Tgt#confPlan} does) and never log it; {@code toString()} shows it masked.
   */
  public String targetsConf() { return TgtConf.render(this, false); }

  // ------------------------------------------------------------------ LIO

  /** The {@code targetcli} plan that creates this target in LIO (kernel target, configfs), then saves the configuration. */
  public Plan lioPlan() { return Lio.defaults().plan(this); }

  /** The {@code targetcli} plan that deletes this target and its backstores from LIO. */
  public Plan lioRemovalPlan() { return Lio.defaults().removalPlan(this); }

  /**
   * This target as LIO's saved configuration ({@code /etc/rtslib-fb-target/saveconfig.json}, read
   * by {@code targetctl restore}). Contains the CHAP secrets: never log it.
   */
  public String lioSaveconfig() { return Lio.defaults().saveconfig(List.of(this), false); }

  // ------------------------------------------------------------------ the initiator side

  /**
   * The libvirt secret that holds the one-way CHAP secret, found by {@code usage} ({@code <usage
   * type='iscsi'><target>usage</target>}); set its value with {@link #defineChapSecret} or
   * {@code kvm.secrets().define(spec).setValue(...)}.
   */
  public SecretSpec chapSecret(String usage) {
    if (chap().isEmpty()) throw new InvalidSpecException("target/chap", "target " + iqn() + " has no CHAP credentials: its initiators need no secret");
    Names.word("secret/usage", usage);
    return SecretSpec.iscsi(usage).description("CHAP secret of user " + chap().get().user() + " for " + iqn()).build();
  }

  /**
   * Defines {@link #chapSecret(String)} on {@code kvm} (or finds the one defined with that usage)
   * and sets its value to the CHAP secret; returns the handle.
   */
  public Secret defineChapSecret(Kvm kvm, String usage) {
    SecretSpec spec = chapSecret(usage);
    Secret s = kvm.secrets().find(usage).orElseGet(() -> kvm.secrets().define(spec));
    s.setValue(chap().get().secret().getBytes(StandardCharsets.UTF_8));
    return s;
  }

  /**
   * An {@code iscsi-direct} pool: libvirt logs in itself (libiscsi) as {@code initiatorIqn} to this
   * target on {@code host} (the port of the portal with that address, else 3260), with CHAP through
   * the libvirt secret of usage {@code secretUsage} when the target has CHAP. Its volumes are named
   * {@code unit:0:0:LUN} ({@link #directVolumeName}); libvirt lists tgt's LUN 0 too and reports a
   * LUN one 512-byte block short of its backing file. Needs libvirt's iscsi-direct storage backend.
   */
  public StoragePoolSpec libvirtPool(String poolName, String host, String initiatorIqn, String secretUsage) {
    return libvirtPool(poolName, portal(host), initiatorIqn, secretUsage);
  }

  /** The {@code iscsi-direct} pool reaching this target on {@code portal}. */
  public StoragePoolSpec libvirtPool(String poolName, IscsiPortal portal, String initiatorIqn, String secretUsage) {
    Iqn.check("pool/source/initiator/iqn/@name", initiatorIqn);
    checkInitiator(initiatorIqn);
    StoragePoolSpec p = StoragePoolSpec.iscsiDirect(poolName, portal.sourceHost(), iqn(), initiatorIqn);
    return withChap(p, secretUsage);
  }

  /**
   * An {@code iscsi} pool: the host's initiator (open-iscsi, {@code /etc/iscsi/initiatorname.iscsi})
   * logs in to this target on {@code host}; the LUNs appear under {@code /dev/disk/by-path}.
   */
  public StoragePoolSpec libvirtHostPool(String poolName, String host, String secretUsage) {
    StoragePoolSpec p = StoragePoolSpec.iscsi(poolName, portal(host).sourceHost(), iqn());
    return withChap(p, secretUsage);
  }

  private StoragePoolSpec withChap(StoragePoolSpec p, String secretUsage) {
    if (mutualChap().isPresent()) {
      throw new InvalidSpecException("target/mutual_chap", "libvirt authenticates to a target one way only (<auth type='chap'>): reach a mutual-CHAP target through the host's initiator (IscsiInitiator)");
    }
    if (chap().isEmpty()) return p;
    Names.word("secret/usage", secretUsage);
    return p.chap(chap().get().user(), secretUsage);
  }

  /**
   * A guest disk ({@code <disk type='network'><source protocol='iscsi' name='IQN/LUN'>}) that QEMU
   * reaches itself on {@code host} as {@code initiatorIqn}, with CHAP through the libvirt secret of
   * usage {@code secretUsage} when the target has CHAP. Target device {@code vda}-style names are
   * chosen when the guest is built.
   */
  public Disk disk(int lun, String host, String initiatorIqn, String secretUsage) {
    lun(lun);
    Iqn.check("disk/source/initiator/iqn/@name", initiatorIqn);
    checkInitiator(initiatorIqn);
    if (mutualChap().isPresent()) {
      throw new InvalidSpecException("target/mutual_chap", "QEMU authenticates to a target one way only: reach a mutual-CHAP target through the host's initiator");
    }
    Disk d = chap().isPresent()
        ? Disk.iscsi(iqn() + "/" + lun, portal(host).sourceHost(), Auth.chap(chap().get().user(), Names.word("secret/usage", secretUsage)))
        : Disk.iscsi(iqn() + "/" + lun, portal(host).sourceHost());
    return d.withSource(s -> s.initiator(DiskInitiator.builder().iqn(initiatorIqn).build()));
  }

  /** The name libvirt's iscsi-direct pool gives LUN {@code lun}: {@code unit:0:0:LUN}. */
  public static String directVolumeName(int lun) { return "unit:0:0:" + lun; }

  /** The portal of this target on {@code host}: the listed one with that address, else {@code host:3260}. */
  public IscsiPortal portal(String host) {
    Names.host("portal/address", host);
    return portals().stream().filter(p -> p.address().equals(host)).findFirst().orElse(IscsiPortal.of(host));
  }

  private void checkInitiator(String initiatorIqn) {
    if (!allowAnyInitiator() && !initiators().contains(initiatorIqn)) {
      throw new InvalidSpecException("initiator", initiatorIqn + " is not in the ACL of " + iqn() + " (" + initiators()
          + "): tgt would answer its login with an empty target list");
    }
  }

  /** The target as tgt's targets.conf shows it, CHAP secrets as {@code ****}. */
  @Override public String toString() { return TgtConf.render(this, true); }

  /** Builds an {@link IscsiTarget}; {@code build()} checks the rules. */
  public static class Builder extends ImmutableIscsiTarget.Builder {
    /** Adds LUN {@code lun} backed by {@code backingFile} (a block device when under {@code /dev/}). */
    public Builder addLun(int lun, String backingFile) { addLun(IscsiLun.of(lun, backingFile)); return this; }

    /** One-way CHAP: initiators log in as {@code user} with {@code secret} (12-16 characters). */
    public Builder chap(String user, String secret) { chap(ChapCredentials.builder().user(user).secret(secret).build()); return this; }

    /** Mutual CHAP: the target answers as {@code user} with {@code secret}. */
    public Builder mutualChap(String user, String secret) { mutualChap(ChapCredentials.builder().user(user).secret(secret).build()); return this; }

    /** Lets initiator {@code iqn} log in. */
    public Builder allowInitiator(String iqn) { addInitiator(iqn); return this; }

    /** Listens on {@code address:port} too. */
    public Builder addPortal(String address, int port) { addPortal(IscsiPortal.of(address, port)); return this; }

    @Override public IscsiTarget build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        if (String.valueOf(e.getMessage()).contains("[iqn]")) throw new InvalidSpecException("target/@iqn", "is required", e);
        throw new InvalidSpecException("target", String.valueOf(e.getMessage()), e);
      }
    }
  }
}
