package io.kvmsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kvmsdk.core.internal.libvirt.LibvirtRuntime;
import io.kvmsdk.core.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A URI that cannot work says what is wrong with it and is never retryable; a daemon that may come back is. */
class KvmConnectUriTest {
  static InvalidSpecException refused(String uri) {
    Throwable t = catchThrowable(() -> Kvm.connect(uri).close());
    assertThat(t).as(uri).isInstanceOf(InvalidSpecException.class);
    InvalidSpecException e = (InvalidSpecException) t;
    assertThat(e.field()).isEqualTo("uri");
    assertThat(e.retryable()).isFalse();
    return e;
  }

  @Test
  void aUriThatCannotWorkIsRefusedBeforeLibvirtSeesIt() {
    assertThat(refused("").rule()).startsWith("is empty: name the hypervisor");
    assertThat(refused("  ").rule()).startsWith("is empty");
    assertThat(refused("nonsense://x").rule()).contains("unknown hypervisor driver 'nonsense'").contains("qemu").contains("fake:///NAME");
    assertThat(refused("nonsense:///x").rule()).contains("unknown hypervisor driver 'nonsense'");
    assertThat(refused("http://x").rule()).contains("unknown hypervisor driver 'http'");
    assertThat(refused("::::").rule()).contains("is not a URI");
    assertThat(refused("test:///default?x=%zz").rule()).contains("is not a URI");
    assertThat(refused("test").rule()).contains("names no hypervisor driver");
    assertThat(refused("qemu:system").rule()).contains("lacks the '//'");
    assertThat(refused("qemu+foo:///system").rule()).contains("unknown transport 'foo'").contains("ssh");
  }

  @Test
  void libvirtsConfigurationRefusalsAreNotRetryableButAnAbsentDaemonIs() {
    Oracles.require(LibvirtRuntime.missing(Kvm.class.getClassLoader()).isEmpty(), "libvirt0 is not installed");
    Throwable tls = catchThrowable(() -> Kvm.connect("qemu+tls://127.0.0.1:1/system").close());
    if (!Files.exists(Path.of("/etc/pki/CA/cacert.pem"))) {
      assertThat(tls).isInstanceOfSatisfying(LibvirtException.class, e -> {
        assertThat(e.retryable()).as("a missing CA certificate fails the same way next time").isFalse();
        assertThat(e.libvirtMessage()).contains("CA certificate");
        assertThat(e.getMessage()).contains("a configuration error");
      });
    }
    assertThat(catchThrowable(() -> Kvm.connect("test:///nonexistent-kvmsdk.xml").close()))
        .isInstanceOfSatisfying(LibvirtException.class, e -> {
          assertThat(e.code()).isEqualTo(LibvirtException.XML_ERROR);
          assertThat(e.retryable()).isFalse();
        });
    assertThat(catchThrowable(() -> Kvm.connect("qemu+tcp://127.0.0.1:1/system").close()))
        .as("a daemon that refuses the connection may be restarting").isInstanceOfSatisfying(LibvirtException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.libvirtMessage()).contains("Connection refused");
        });
    assertThat(catchThrowable(() -> Kvm.connect("qemu:///system?socket=/nonexistent/kvmsdk-sock").close()))
        .isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.retryable()).isTrue());
  }
}
