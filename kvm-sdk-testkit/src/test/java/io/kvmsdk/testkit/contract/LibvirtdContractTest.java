package io.kvmsdk.testkit.contract;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.testing.Oracles;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The contract suite against a real libvirtd with QEMU (TCG) and a second one as the migration peer,
 * both started by {@code bash scripts/oracles.sh start} ({@code $KVM_SDK_LIBVIRT_URI},
 * {@code $KVM_SDK_LIBVIRT_URI_B}). Skipped without them, failed in CI.
 */
class LibvirtdContractTest extends HypervisorContract {
  static final String A = System.getenv("KVM_SDK_LIBVIRT_URI");
  static final String B = System.getenv("KVM_SDK_LIBVIRT_URI_B");

  @Override protected Kvm connect() {
    Oracles.require(A != null, "KVM_SDK_LIBVIRT_URI is not set: start the private libvirtds with `bash scripts/oracles.sh start`"
        + " and source /tmp/kvm-sdk-oracles/env");
    return Kvm.connect(A);
  }

  @Override protected Optional<Kvm> connectPeer() {
    Oracles.require(B != null, "KVM_SDK_LIBVIRT_URI_B is not set: `bash scripts/oracles.sh start` starts the second libvirtd");
    return Optional.of(Kvm.connect(B));
  }

  /** A real 16 MiB qcow2 file made by {@code qemu-img}, deleted when the JVM exits. */
  @Override protected String qcow2Image(String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kvmsdk-ct-");
      java.nio.file.Path image = dir.resolve(name + ".qcow2");
      Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "16M").inheritIO().start();
      Oracles.require(p.waitFor() == 0, "qemu-img (qemu-utils) could not create a qcow2 image");
      image.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return image.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The tiny kernel + initramfs guest of {@code scripts/agent-guest.sh} (QEMU loads ~40 MB into its memory at start). */
  @Override protected io.kvmsdk.core.domain.DomainSpec busyGuest(String name) {
    java.nio.file.Path dir = java.nio.file.Path.of(Optional.ofNullable(System.getenv("KVM_SDK_AGENT_GUEST")).orElse("/tmp/kvm-sdk-agent-guest"));
    Oracles.require(java.nio.file.Files.isRegularFile(dir.resolve("vmlinuz")) && java.nio.file.Files.isRegularFile(dir.resolve("initrd.gz")),
        "no kernel guest in " + dir + ": run `bash scripts/agent-guest.sh` (a migration of the default guest is over too soon to steer)");
    io.kvmsdk.core.domain.DomainSpec tiny = guest(name);
    return tiny.copy(b -> b.memory(io.kvmsdk.core.Size.mib(128)).os(io.kvmsdk.core.domain.Os.builder().from(tiny.os().orElseThrow())
        .kernel(dir.resolve("vmlinuz").toString()).initrd(dir.resolve("initrd.gz").toString()).cmdline("console=ttyS0 panic=-1").build()));
  }

  /** Everything: a real libvirtd with QEMU, dnsmasq for DHCP and ebtables/iptables for filters. */
  @Override protected Set<ContractCapability> capabilities() { return EnumSet.allOf(ContractCapability.class); }
}
