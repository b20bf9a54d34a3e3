package io.kvmsdk.storage.nfs;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.storage.internal.Names;
import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** One exported directory and its clients: a line of {@code /etc/exports}. */
@Value.Immutable
public abstract class NfsExport {
  /** The NFS version libvirt pools mount with unless told otherwise. */
  public static final String DEFAULT_VERSION = "4.1";

  public abstract String path();

  public abstract List<NfsClient> clients();

  /** {@code path} for {@code clients}. */
  public static NfsExport of(String path, NfsClient... clients) { return builder().path(path).addClients(clients).build(); }

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public NfsExport copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    Names.path("exports/path", path());
    if (clients().isEmpty()) throw new InvalidSpecException("exports[" + path() + "]/client", "an export needs at least one client");
    if (clients().stream().map(NfsClient::host).distinct().count() != clients().size()) {
      throw new InvalidSpecException("exports[" + path() + "]/client", "a client is listed twice");
    }
  }

  /** The exports(5) line. */
  public String line() { return path() + " " + clients().stream().map(Object::toString).collect(Collectors.joining(" ")); }

  /**
   * The libvirt {@code netfs} pool that mounts this export from {@code server} on {@code mountPath}
   * with NFS {@value #DEFAULT_VERSION} ({@code <format type='nfs'/><protocol ver='4.1'/>}) and
   * {@code mountOptions} ({@code <fs:mount_opts>}, e.g. {@code nconnect=4}, {@code noatime}). Another
   * version: {@code libvirtPool(...).nfs("4.2")}.
   */
  public StoragePoolSpec libvirtPool(String poolName, String server, String mountPath, String... mountOptions) {
    Names.host("pool/source/host/@name", server);
    Names.path("pool/target/path", mountPath);
    for (String o : mountOptions) {
      if (o.isEmpty() || o.contains(",") || o.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\'')) {
        throw new InvalidSpecException("pool/fs:mount_opts/fs:option/@name", "one mount option per argument, without blanks, commas or quotes, got " + Names.quoted(o));
      }
      if (o.startsWith("vers=") || o.startsWith("nfsvers=")) {
        throw new InvalidSpecException("pool/fs:mount_opts/fs:option/@name", "the NFS version is the pool's <protocol ver> (libvirtPool(...).nfs(\"4.2\")), not " + Names.quoted(o));
      }
    }
    StoragePoolSpec p = StoragePoolSpec.netfs(poolName, server, path(), mountPath).nfs(DEFAULT_VERSION);
    return mountOptions.length == 0 ? p : p.mountOptions(mountOptions);
  }

  @Override public String toString() { return line(); }

  public static class Builder extends ImmutableNfsExport.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("path", "exports/path");
    @Override public NfsExport build() { return REQUIRED.build(super::build); }
  }
}
