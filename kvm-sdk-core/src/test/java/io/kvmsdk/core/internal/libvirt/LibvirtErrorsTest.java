package io.kvmsdk.core.internal.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import org.junit.jupiter.api.Test;

/** The retryable policy and the mapping of libvirt's error codes (codes that cannot be provoked at will). */
class LibvirtErrorsTest {
  @Test void droppedConnectionsAreRetryable() {
    assertThat(LibvirtErrors.retryable(38, 7, "End of file while reading data: Input/output error")).isTrue();   // SYSTEM_ERROR from RPC
    assertThat(LibvirtErrors.retryable(39, 13, "anything")).isTrue();                                           // RPC from REMOTE
    assertThat(LibvirtErrors.retryable(5, 0, "no connection driver available")).isTrue();                       // NO_CONNECT
    assertThat(LibvirtErrors.retryable(1, 7, "internal error: client socket is closed")).isTrue();
    assertThat(LibvirtErrors.retryable(68, 10, "operation timed out")).isTrue();                                 // OPERATION_TIMEOUT
  }

  @Test void badRequestsAreNot() {
    assertThat(LibvirtErrors.retryable(55, 10, "Requested operation is not valid: domain is already running")).isFalse();
    assertThat(LibvirtErrors.retryable(1, 12, "internal error: domain 'x' not paused")).isFalse();
    assertThat(LibvirtErrors.retryable(38, 10, "cannot open file /nope: No such file or directory")).isFalse();   // SYSTEM_ERROR from QEMU
    assertThat(LibvirtErrors.retryable(27, 20, "XML error")).isFalse();
  }

  /** Codes and messages as libvirt 9.0 reports them on connect (see KvmConnectUriTest; the SASL refusal from a private libvirtd with auth_unix_rw="sasl"). */
  @Test void aConnectRefusedForConfigurationIsNeverRetryable() {
    String[][] configuration = {
        {"45", "7", "authentication failed: Failed to start SASL negotiation: -4 (SASL(-4): no mechanism available: No worthy mechs found)"},
        {"94", "46", "authentication unavailable: no polkit agent available to authenticate action 'org.libvirt.unix.manage'"},
        {"79", "46", "authentication cancelled by user"},
        {"38", "7", "Cannot read CA certificate '/etc/pki/CA/cacert.pem': No such file or directory"},
        {"38", "7", "Cannot recv data: root@hv1: Permission denied (publickey,password).: Connection reset by peer"},
        {"38", "7", "Cannot recv data: Host key verification failed.: Connection reset by peer"},
        {"38", "7", "Cannot recv data: ssh: Could not resolve hostname nohost: Name or service not known: Connection reset by peer"},
        {"5", "0", "no connection driver available for URI 'test' does not include a driver name"},
        {"8", "13", "invalid argument: remote_open: transport in URL not recognised (should be tls|unix|ssh|ext|tcp|libssh2|libssh)"},
        {"1", "45", "internal error: Unable to parse URI ::::"},
        {"27", "12", "XML error: failed to parse xml document '/nonexistent.xml'"}};
    for (String[] c : configuration) {
      KvmException e = LibvirtErrors.connectFailure("u", Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2], null);
      assertThat(e.retryable()).as(c[2]).isFalse();
      assertThat(e).isInstanceOf(LibvirtException.class);
      assertThat(e.getMessage()).startsWith("connect to 'u' (a configuration error: check the URI and its credentials) failed: " + c[2]);
    }
    String[][] transient_ = {
        {"38", "7", "unable to connect to server at '127.0.0.1:1': Connection refused"},
        {"38", "7", "Failed to connect socket to '/run/libvirt/libvirt-sock': No such file or directory"},
        {"38", "7", "Cannot recv data: ssh: connect to host 127.0.0.1 port 1: Connection refused: Connection reset by peer"}};
    for (String[] c : transient_) {
      assertThat(LibvirtErrors.connectFailure("u", Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2], null).retryable()).as(c[2]).isTrue();
    }
  }

  @Test void mapsCodesToTheSdksExceptions() {
    KvmException nf = LibvirtErrors.map("start domain 'a'", "domain", "a", 42, 10, "Domain not found", null);
    assertThat(nf).isInstanceOf(NotFoundException.class);
    assertThat(((NotFoundException) nf).kind()).isEqualTo("domain");
    assertThat(nf.getCause()).isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.code()).isEqualTo("VIR_ERR_NO_DOMAIN"));

    KvmException snap = LibvirtErrors.map("revert", "snapshot", "a/s1", 72, 10, "no snapshot", null);
    assertThat(snap).isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.name()).isEqualTo("a/s1"));
    KvmException dom = LibvirtErrors.map("revert", "snapshot", "a/s1", 42, 10, "no domain", null);
    assertThat(dom).isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.name()).isEqualTo("a"));

    KvmException inv = LibvirtErrors.map("resume domain 'a'", "domain", "a", 55, 10, "Requested operation is not valid", null);
    assertThat(inv).isInstanceOfSatisfying(LibvirtException.class, e -> {
      assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_INVALID");
      assertThat(e.errorDomain()).isEqualTo("VIR_FROM_QEMU");
      assertThat(e.getMessage()).isEqualTo("resume domain 'a' failed: Requested operation is not valid"
          + " [VIR_ERR_OPERATION_INVALID(55) from VIR_FROM_QEMU(10)]");
    });
    KvmException future = LibvirtErrors.map("x", "domain", "a", 9999, 9999, null, null);
    assertThat(((LibvirtException) future).code()).isEqualTo("VIR_ERR_9999");
    assertThat(((LibvirtException) future).errorDomain()).isEqualTo("VIR_FROM_9999");
  }

  @Test void mapsMissingNetworksPoolsVolumesAndFiltersToNotFound() {
    assertThat(LibvirtErrors.map("start network 'n'", "network", "n", 43, 19, "Network not found", null))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind() + " " + e.name()).isEqualTo("network n"));
    assertThat(LibvirtErrors.map("start storage pool 'p'", "storage pool", "p", 49, 18, "Storage pool not found", null))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind() + " " + e.name()).isEqualTo("storage pool p"));
    assertThat(LibvirtErrors.map("delete storage volume 'v' of pool 'p'", "storage volume", "p/v", 49, 18, "Storage pool not found", null))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind() + " " + e.name()).isEqualTo("storage pool p"));
    assertThat(LibvirtErrors.map("delete storage volume 'v' of pool 'p'", "storage volume", "p/v", 50, 18, "Storage volume not found", null))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind() + " " + e.name()).isEqualTo("storage volume p/v"));
    assertThat(LibvirtErrors.map("undefine nwfilter 'f'", "nwfilter", "f", 62, 33, "Network filter not found", null))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind() + " " + e.name()).isEqualTo("nwfilter f"));
    assertThat(LibvirtErrors.map("delete nwfilter binding 'vnet0'", "nwfilter binding", "vnet0", 101, 33, "Network filter binding not found", null))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind() + " " + e.name()).isEqualTo("nwfilter binding vnet0");
          assertThat(((LibvirtException) e.getCause()).code()).isEqualTo("VIR_ERR_NO_NWFILTER_BINDING");
        });
    assertThat(LibvirtErrors.map("create a volume", "storage volume", "p/v", 90, 18, "storage volume 'v' exists already", null))
        .isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.code()).isEqualTo("VIR_ERR_STORAGE_VOL_EXIST"));
  }

  @Test void theCodeConstantsAreLibvirtsNames() throws Exception {
    int n = 0;
    for (java.lang.reflect.Field f : io.kvmsdk.core.LibvirtException.class.getFields()) {
      if (f.getType() != String.class || !java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
      String code = (String) f.get(null);
      org.assertj.core.api.Assertions.assertThat(org.libvirt.Error.ErrorNumber.valueOf(code).name()).isEqualTo("VIR_ERR_" + f.getName());
      n++;
    }
    org.assertj.core.api.Assertions.assertThat(n).isGreaterThan(10);
  }
}
