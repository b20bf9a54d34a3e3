package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <source>} of a disk, backing store or mirror: the union of what each disk type allows. */
@Value.Immutable
public abstract class DiskSource {
  /** Path of the image ({@code type='file'}). */
  public abstract Optional<String> file();

  /** Name of the file descriptor group passed to libvirt ({@code type='file'}). */
  public abstract Optional<String> fdgroup();

  /** Path of the host block device ({@code type='block'}). */
  public abstract Optional<String> dev();

  /** Host directory exposed as a FAT image ({@code type='dir'}). */
  public abstract Optional<String> dir();

  /** Network protocol ({@code type='network'}): {@code rbd}, {@code iscsi}, {@code nbd}, {@code nfs}, {@code gluster}, {@code sheepdog}, {@code http}, {@code https}, {@code ftp}, {@code ftps}, {@code tftp}, {@code ssh}, {@code vxhs}. */
  public abstract Optional<String> protocol();

  /** Image, volume, export or target name on the network server ({@code pool/image} for rbd, {@code iqn/lun} for iSCSI). */
  public abstract Optional<String> name();

  /** Query string of an http(s) URL. */
  public abstract Optional<String> query();

  /** Whether to use TLS (nbd, vxhs). */
  public abstract Optional<Boolean> tls();

  /** Host name to verify the TLS certificate against (nbd). */
  public abstract Optional<String> tlsHostname();

  /** Storage pool ({@code type='volume'}). */
  public abstract Optional<String> pool();

  /** Volume in the pool ({@code type='volume'}). */
  public abstract Optional<String> volume();

  /** How a pool volume is accessed: {@code host} or {@code direct}. */
  public abstract Optional<String> mode();

  /** Source type of an {@code nvme} ({@code pci}) or {@code vhostuser} ({@code unix}) disk. */
  public abstract Optional<String> type();

  /** NVMe namespace. */
  public abstract Optional<Long> namespace();

  /** Whether libvirt detaches the NVMe controller from the host. */
  public abstract Optional<Boolean> managed();

  /** Socket path ({@code vhostuser}) or device path ({@code vhostvdpa}). */
  public abstract Optional<String> path();

  /** What happens when the source is missing: {@code mandatory}, {@code requisite}, {@code optional}. */
  public abstract Optional<String> startupPolicy();

  /** Index of this image in the backing chain (live XML). */
  public abstract Optional<Integer> index();

  /** {@code <address>}: PCI address of the NVMe controller. */
  public abstract Optional<DeviceAddress> address();

  /** {@code <host>}: the servers to connect to. */
  public abstract List<SourceHost> hosts();

  /** {@code <snapshot name=''/>}: the RBD snapshot to use. */
  public abstract Optional<String> snapshot();

  /** {@code <config file=''/>}: Ceph configuration file. */
  public abstract Optional<String> config();

  /** {@code <auth>}: credentials for the server. */
  public abstract Optional<Auth> auth();

  /** {@code <encryption>}: how the image is encrypted. */
  public abstract Optional<Encryption> encryption();

  /** {@code <reservations>}: SCSI persistent reservations. */
  public abstract Optional<DiskReservations> reservations();

  /** {@code <initiator>}: the iSCSI initiator IQN. */
  public abstract Optional<DiskInitiator> initiator();

  /** {@code <readahead size=''/>}: read-ahead size in bytes (curl protocols). */
  public abstract Optional<Long> readahead();

  /** {@code <timeout seconds=''/>}: connection timeout in seconds (curl protocols). */
  public abstract Optional<Long> timeout();

  /** {@code <ssl verify=''/>}: whether TLS certificates are verified (https, ftps). */
  public abstract Optional<Boolean> sslVerify();

  /** {@code <cookies>}: HTTP cookies sent with each request. */
  public abstract List<DiskCookie> cookies();

  /** {@code <reconnect>}: reconnect behaviour (nbd, vhostuser). */
  public abstract Optional<DiskReconnect> reconnect();

  /** {@code <identity>}: the user and group of NFS requests. */
  public abstract Optional<DiskIdentity> identity();

  /** {@code <seclabel>}: security label overrides for this image. */
  public abstract List<DiskSecLabel> seclabels();

  /** {@code <slices>}: the part of the image used as the disk. */
  public abstract List<DiskSlice> slices();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The source of a file-backed disk. */
  public static DiskSource ofFile(String path) { return builder().file(path).build(); }

  /** The source of a block-device-backed disk. */
  public static DiskSource ofDev(String dev) { return builder().dev(dev).build(); }

  @Value.Check protected void check() {
    if (protocol().isPresent() && !protocol().get().equals("nbd") && name().isEmpty()) {
      throw new InvalidSpecException("@name", "required for protocol '" + protocol().get() + "' (the image, volume or target on the server)");
    }
  }

  /** Builds a {@link DiskSource}. */
  public static class Builder extends ImmutableDiskSource.Builder {}

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

}
