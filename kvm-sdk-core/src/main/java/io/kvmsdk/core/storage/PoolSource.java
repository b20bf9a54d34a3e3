package io.kvmsdk.core.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.common.Auth;
import io.kvmsdk.core.common.SecretRef;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code <source>} of a pool: where its storage comes from. Which children a pool type uses:
 * {@code host} (netfs, iscsi, iscsi-direct, rbd, gluster), {@code device} (fs, disk, logical, iscsi,
 * iscsi-direct, zfs), {@code dir} (netfs, gluster), {@code adapter} (scsi), {@code name} (logical, rbd,
 * gluster, zfs, vstorage), {@code initiator} (iscsi, iscsi-direct), {@code format} (fs, netfs, disk,
 * logical), {@code auth} (iscsi, iscsi-direct, rbd), {@code protocol} (netfs).
 */
@Value.Immutable
public abstract class PoolSource {
  /** {@code <host name port>}: servers (NFS server, iSCSI portal, Ceph monitors, Gluster server). */
  public abstract List<SourceHost> hosts();

  /** {@code <device path>}: block devices, or the iSCSI target IQN. */
  public abstract List<PoolSourceDevice> devices();

  /** {@code <dir path>}: the exported directory (netfs, gluster), relative for cifs. */
  public abstract Optional<String> dir();

  /** {@code <adapter>}: the SCSI host adapter of a {@code scsi} pool. */
  public abstract Optional<PoolSourceAdapter> adapter();

  /** {@code <name>}: the volume group, RBD pool, Gluster volume, ZFS pool or Virtuozzo cluster. */
  public abstract Optional<String> name();

  /** {@code <initiator><iqn name/></initiator>}: the initiator IQN (required for iscsi-direct). */
  public abstract Optional<PoolSourceInitiator> initiator();

  /** {@code <format type>}: filesystem (fs: ext4, xfs, ...), network filesystem (netfs: nfs, cifs, glusterfs, auto), partition table (disk: dos, gpt, ...), LVM metadata (logical: lvm2). */
  public abstract Optional<String> format();

  /** {@code <auth type='chap|ceph' username>} with the secret by usage or UUID. */
  public abstract Optional<Auth> auth();

  /** {@code <protocol ver>}: the NFS protocol version of a netfs pool ({@code 3}, {@code 4.1}). */
  public abstract Optional<String> protocolVer();

  /** {@code <vendor name>}: the storage device's vendor. */
  public abstract Optional<String> vendor();

  /** {@code <product name>}: the storage device's product. */
  public abstract Optional<String> product();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The initiator IQN, when set. */
  public Optional<String> initiatorIqn() { return initiator().flatMap(PoolSourceInitiator::iqn); }

  /** Hosts written in the document, typed or kept verbatim (a port the shared host type cannot hold). */
  int hostCount() {
    return hosts().size() + (int) unmodeled().elements().stream().filter(e -> e.element().name().equals("host")).count();
  }

  @Value.Check protected void check() {
    // libvirt: virStorageAuthDefParse (pool form)
    if (auth().isPresent()) {
      Auth a = auth().get();
      if (a.type().isEmpty()) throw new InvalidSpecException("auth/@type", "is required: 'chap' or 'ceph' (libvirt: storage pool missing auth type)");
      if (!a.type().get().equals("chap") && !a.type().get().equals("ceph")) {
        throw new InvalidSpecException("auth/@type", "must be 'chap' or 'ceph', got '" + a.type().get() + "'");
      }
      if (a.username().isEmpty()) throw new InvalidSpecException("auth/@username", "is required");
      if (a.secret().isEmpty()) throw new InvalidSpecException("auth/secret", "is required: the libvirt secret by usage or uuid");
      SecretRef s = a.secret().get();
      if (s.usage().isEmpty() && s.uuid().isEmpty()) throw new InvalidSpecException("auth/secret", "needs a usage or a uuid attribute");
      if (s.uuid().isPresent() && !Uuids.valid(s.uuid().get())) throw new InvalidSpecException("auth/secret/@uuid", "must be a UUID, got '" + s.uuid().get() + "'");
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolSource}. */
  public static class Builder extends ImmutablePoolSource.Builder {}
}
