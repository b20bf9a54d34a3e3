package io.kvmsdk.core.internal.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.testing.Oracles;
import org.junit.jupiter.api.Test;

/** The managed event loop thread: started by the first subscription, stopped by the last close. */
class LibvirtEventLoopTest {
  static boolean loopThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("kvm-sdk-libvirt-events") && t.isAlive());
  }

  @Test void startsOnFirstUseAndStopsWhenNothingListens() throws Exception {
    Oracles.require(LibvirtRuntime.missing(Kvm.class.getClassLoader()).isEmpty(), "libvirt0 is not installed");
    try (Kvm a = Kvm.connect("test:///default"); Kvm b = Kvm.connect("test:///default")) {
      assertThat(LibvirtEventLoop.running()).isFalse();
      KvmSubscription s1 = a.events().onLifecycle(e -> {});
      KvmSubscription s2 = a.events().onLifecycle(e -> {});
      KvmSubscription s3 = b.events().onLifecycle(e -> {});
      assertThat(LibvirtEventLoop.running()).isTrue();
      assertThat(loopThreadAlive()).isTrue();
      assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("kvm-sdk-libvirt-events")))
          .hasSize(1).allMatch(Thread::isDaemon);
      s1.close();
      s1.close();
      assertThat(LibvirtEventLoop.running()).isTrue();   // s2 still listens on a
      s2.close();
      assertThat(LibvirtEventLoop.running()).isTrue();   // s3 listens on b
      b.close();                                          // closing the connection ends its subscriptions
      s3.close();
      assertThat(LibvirtEventLoop.running()).isFalse();
      assertThat(loopThreadAlive()).isFalse();
      // and it starts again
      try (KvmSubscription again = a.events().onLifecycle(e -> {})) {
        assertThat(LibvirtEventLoop.running()).isTrue();
      }
      assertThat(LibvirtEventLoop.running()).isFalse();
    }
  }
}
