package io.kvmsdk.core.spi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import org.junit.jupiter.api.Test;

/** {@code Kvm.connect} picks, among the ServiceLoader providers accepting a URI, the one with the highest priority. */
class HypervisorProviderTest {
  @Test void aPluggedProviderWinsOverTheLibvirtFallback() {
    assertThatThrownBy(() -> Kvm.connect("kvmsdk-echo:///x")).isExactlyInstanceOf(KvmException.class)
        .hasMessage("echo provider opened kvmsdk-echo:///x");
    // libvirt would accept this URI too (priority -100); the echo provider (10) wins
    assertThatThrownBy(() -> Kvm.connect("test:///kvmsdk-echo")).hasMessage("echo provider opened test:///kvmsdk-echo");
  }

  @Test void fakeUrisWithoutTheTestkitSaySo() {
    assertThatThrownBy(() -> Kvm.connect("fake:///default")).isExactlyInstanceOf(KvmException.class)
        .hasMessageContaining("no hypervisor provider accepts 'fake:///default'").hasMessageContaining("kvm-sdk-testkit");
  }

  @Test void otherUrisGoToLibvirt() {
    assertThatThrownBy(() -> Kvm.connect("qemu:///system?socket=/tmp/kvm-sdk-no-such-dir/sock")).isInstanceOf(LibvirtException.class);
  }
}
