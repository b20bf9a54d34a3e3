package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.storage.internal.Names;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One logical unit of an {@link IscsiTarget}: its number and what backs it — a file, a block
 * device or a Ceph RBD image — with per-LUN settings (read-only, direct I/O, a queue depth, the
 * unit serial number multipath matches paths by).
 *
 * <p>LUN numbers are 1 to {@value #MAX}: LUN 0 is tgt's controller (every tgt target has it, and
 * initiators list it), and beyond 16383 SAM's flat addressing, which the Linux initiator and
 * libiscsi use, ends.
 */
@Value.Immutable
public abstract class IscsiLun {
  /** The lowest LUN number a spec may use (0 is tgt's controller). */
  public static final int MIN = 1;
  /** The highest LUN number (SAM flat addressing). */
  public static final int MAX = 16383;
  /** The deepest per-LUN queue (tgt's MaxQueueCmd range is 1-512). */
  public static final int MAX_QUEUE_DEPTH = 512;

  private static final Pattern RBD = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(@[A-Za-z0-9_.-]+)?");
  private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_.-]{1,36}");

  /** What backs a LUN. */
  public enum Backing {
    /** A regular file (tgt {@code rdwr}/{@code aio}, LIO {@code fileio}). */
    FILE,
    /** A block device (tgt {@code rdwr}/{@code aio}, LIO {@code block}). */
    BLOCK,
    /** A Ceph RBD image {@code pool/image[@snapshot]} (tgt {@code --bstype rbd}; LIO serves the kernel client's {@code /dev/rbd/POOL/IMAGE}). */
    RBD
  }

  /** The LUN number, {@value #MIN}-{@value #MAX}. */
  public abstract int lun();

  public abstract Backing backing();

  /** The file or device path, or the RBD image as {@code pool/image[@snapshot]}. */
  public abstract String store();

  /** Initiators may only read (tgt {@code readonly=1}, LIO {@code write_protect}). */
  @Value.Default public boolean readOnly() { return false; }

  /** Bypass the target host's page cache (tgt {@code --bsoflags direct}, LIO fileio {@code write_back=false}). */
  @Value.Default public boolean directIo() { return false; }

  /** tgt's asynchronous I/O backing store ({@code --bstype aio}) instead of its thread pool ({@code rdwr}); files and devices only. */
  @Value.Default public boolean aio() { return false; }

  /**
   * How many commands may queue for this LUN: LIO's per-device {@code queue_depth}; tgt queues per
   * target, so a tgt plan sets the target's {@code MaxQueueCmd} to the smallest of its LUNs' depths
   * (unless the target sets it). 1-{@value #MAX_QUEUE_DEPTH}.
   */
  public abstract Optional<Integer> queueDepth();

  /**
   * The unit serial number (tgt {@code scsi_sn}, LIO {@code unit_serial}), 1-36 of letters, digits,
   * '.', '_' and '-'. Two targets that serve the same storage must report the same serial for
   * multipath to join their paths; by default each target makes its own.
   */
  public abstract Optional<String> serial();

  /** RBD only: the {@code ceph.conf} tgt's rbd backing store reads (tgt {@code --bsopts conf=...}). */
  public abstract Optional<String> cephConf();

  /** RBD only: the Ceph client id, e.g. {@code tgt} for {@code client.tgt} (tgt {@code --bsopts id=...}). */
  public abstract Optional<String> cephId();

  /** LUN {@code lun} backed by the regular file {@code path}. */
  public static IscsiLun file(int lun, String path) { return builder().lun(lun).backing(Backing.FILE).store(path).build(); }

  /** LUN {@code lun} backed by the block device {@code device}. */
  public static IscsiLun block(int lun, String device) { return builder().lun(lun).backing(Backing.BLOCK).store(device).build(); }

  /** LUN {@code lun} backed by the RBD image {@code pool/image}. */
  public static IscsiLun rbd(int lun, String pool, String image) {
    return builder().lun(lun).backing(Backing.RBD).store(pool + "/" + image).build();
  }

  /** LUN {@code lun} backed by {@code path}: a block device when it is under {@code /dev/}, a file otherwise. */
  public static IscsiLun of(int lun, String path) {
    return path != null && path.startsWith("/dev/") ? block(lun, path) : file(lun, path);
  }

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public IscsiLun copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** tgt's backing store type: {@code rbd}, {@code aio} or {@code rdwr}. */
  public String tgtBsType() { return backing() == Backing.RBD ? "rbd" : aio() ? "aio" : "rdwr"; }

  @Value.Check protected void check() { check("lun"); }

  void check(String field) {
    if (lun() < MIN || lun() > MAX) {
      throw new InvalidSpecException(field + "/@lun", "must be " + MIN + "-" + MAX + " (LUN 0 is tgt's controller; above " + MAX
          + " SAM flat addressing ends), got " + lun());
    }
    if (backing() == Backing.RBD) {
      if (!RBD.matcher(store()).matches()) {
        throw new InvalidSpecException(field + "/store", "an RBD LUN is backed by pool/image[@snapshot] (letters, digits, '_', '.', '-'), got " + Names.quoted(store()));
      }
      if (aio()) throw new InvalidSpecException(field + "/aio", "is for files and devices; an RBD LUN uses tgt's rbd backing store");
      cephConf().ifPresent(c -> Names.path(field + "/ceph_conf", c));
      cephId().ifPresent(i -> Names.word(field + "/ceph_id", i));
    } else {
      Names.path(field + "/store", store());
      // tgt-admin runs 'tgtadm ... -b "PATH"' through /bin/sh: inside double quotes only '$' and '`' (besides '"' and '\\') are expanded
      if (store().indexOf('$') >= 0 || store().indexOf('`') >= 0) {
        throw new InvalidSpecException(field + "/store", "must not contain '$' or '`' (tgt-admin passes targets.conf's backing-store to /bin/sh in "
            + "double quotes, which expands them), got " + Names.quoted(store()));
      }
      if (backing() == Backing.BLOCK && !store().startsWith("/dev/")) {
        throw new InvalidSpecException(field + "/store", "a block-device LUN's path is under /dev/, got " + Names.quoted(store()));
      }
      if (cephConf().isPresent() || cephId().isPresent()) {
        throw new InvalidSpecException(field + "/ceph_conf", "only an RBD LUN reads a ceph.conf and a client id");
      }
    }
    queueDepth().ifPresent(q -> {
      if (q < 1 || q > MAX_QUEUE_DEPTH) throw new InvalidSpecException(field + "/queue_depth", "must be 1-" + MAX_QUEUE_DEPTH + ", got " + q);
    });
    serial().ifPresent(s -> {
      if (!SERIAL.matcher(s).matches()) {
        throw new InvalidSpecException(field + "/serial", "must be 1-36 of letters, digits, '.', '_' and '-', got " + Names.quoted(s));
      }
    });
  }

  /** {@code 1 file /srv/lun1.img [ro, direct, queue 32]}. */
  @Override public String toString() {
    StringBuilder sb = new StringBuilder().append(lun()).append(' ').append(backing().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(store());
    StringBuilder f = new StringBuilder();
    if (readOnly()) f.append(", ro");
    if (directIo()) f.append(", direct");
    if (aio()) f.append(", aio");
    queueDepth().ifPresent(q -> f.append(", queue ").append(q));
    serial().ifPresent(s -> f.append(", serial ").append(s));
    if (f.length() > 0) sb.append(" [").append(f.substring(2)).append(']');
    return sb.toString();
  }

  public static class Builder extends ImmutableIscsiLun.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("lun", "lun/@lun", "backing", "lun/backing", "store", "lun/store");
    @Override public IscsiLun build() { return REQUIRED.build(super::build); }
  }
}
