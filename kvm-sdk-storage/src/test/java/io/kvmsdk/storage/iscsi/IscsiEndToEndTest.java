package io.kvmsdk.storage.iscsi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Serial;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.secret.Secret;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.storage.StorageVolume;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.storage.testing.PrivateTgtd;
import io.kvmsdk.core.testing.Proc;
import io.kvmsdk.testkit.contract.ContractCases;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iSCSI end to end on this machine: a private tgtd in the oracle namespace (beside the private
 * libvirtd), a target created by {@link IscsiTarget#tgtPlan}, libiscsi's initiators logging in with
 * the right CHAP secret and refused with a wrong one, the iscsi-direct {@link IscsiTarget#libvirtPool}
 * defined and started on the real libvirtd, and a TCG guest booting from the LUN (its boot sector
 * writes to the serial port).
 */
class IscsiEndToEndTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");
  static final String HV1 = "iqn.2026-01.io.kvmsdk:hv1";
  static final String HV2 = "iqn.2026-01.io.kvmsdk:hv2";
  static final String SECRET = "e2e-secret-123";
  static final String MUTUAL_IN = "mut-secret-in1";
  static final String MUTUAL_OUT = "mut-secret-out";
  static final long LUN_BYTES = 64L << 20;
  static final String BANNER = "KVMSDK-ISCSI-BOOT";

  static PrivateTgtd tgtd;
  static Path dir;
  static Tgt tgt;
  static IscsiTarget target;
  static IscsiTarget mutual;

  @BeforeAll static void up() throws Exception {
    tgtd = PrivateTgtd.start(200, 3263);
    dir = Files.createTempDirectory("kvmsdk-iscsi-e2e");
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("boot.img").toFile(), "rw")) {
      f.setLength(LUN_BYTES);
      f.write(bootSector());
    }
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("m.img").toFile(), "rw")) {
      f.setLength(8L << 20);
    }
    tgt = Tgt.onControlPort(tgtd.controlPort);
    target = IscsiTarget.builder().iqn("iqn.2026-01.io.kvmsdk:e2e").tid(1)
        .addLun(1, dir + "/boot.img")
        .addPortal("127.0.0.1", 3263).addPortal("127.0.0.2", 3263)
        .chap("e2euser", SECRET).allowInitiator(HV1).build();
    mutual = IscsiTarget.builder().iqn("iqn.2026-01.io.kvmsdk:e2e-mutual").tid(2)
        .addLun(1, dir + "/m.img").addPortal("127.0.0.1", 3263)
        .chap("mutin", MUTUAL_IN).mutualChap("mutout", MUTUAL_OUT).allowInitiator(HV2).build();   // hv1's iscsi-ls -s sees only e2e
    assertThat(Plan.concat(target.tgtPlan(tgt), mutual.tgtPlan(tgt)).apply(LocalCommandRunner.create()).changed()).isTrue();
  }

  @AfterAll static void down() throws Exception {
    if (tgtd != null) {
      if (target != null) Plan.concat(target.tgtRemovalPlan(tgt), mutual.tgtRemovalPlan(tgt)).apply(LocalCommandRunner.create());
      tgtd.close();
    }
    if (dir != null) {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** x86 real mode at 0x7c00: DS=0, print the banner on COM1 (0x3f8), halt. */
  static byte[] bootSector() {
    byte[] code = {0x31, (byte) 0xC0, (byte) 0x8E, (byte) 0xD8, (byte) 0xFC, (byte) 0xBA, (byte) 0xF8, 0x03, (byte) 0xBE, 0x16, 0x7C,
        (byte) 0xAC, (byte) 0x84, (byte) 0xC0, 0x74, 0x03, (byte) 0xEE, (byte) 0xEB, (byte) 0xF8, (byte) 0xF4, (byte) 0xEB, (byte) 0xFD};
    byte[] s = new byte[512];
    System.arraycopy(code, 0, s, 0, code.length);
    byte[] msg = (BANNER + "\r\n").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(msg, 0, s, code.length, msg.length);
    s[510] = 0x55;
    s[511] = (byte) 0xAA;
    return s;
  }

  static Proc.Result inNetns(Map<String, String> env, String... argv) {
    List<String> a = new java.util.ArrayList<>(List.of("ip", "netns", "exec", tgtd.netns, "env"));
    env.forEach((k, v) -> a.add(k + "=" + v));
    a.addAll(List.of(argv));
    return Proc.run(a, null, 60);
  }

  @Test void theTargetPlanIsIdempotentOnTheRealTgtd() {
    assertThat(target.tgtPlan(tgt).apply(LocalCommandRunner.create()).changed()).isFalse();
    assertThat(Proc.run("tgtadm", "-C", String.valueOf(tgtd.controlPort), "--lld", "iscsi", "--op", "show", "--mode", "portal").out())
        .contains("Portal: 127.0.0.2:3263,1", "Portal: 127.0.0.1:3263,1");
  }

  @Test void iscsiLsLogsInWithTheRightSecretOnBothPortalsAndIsRefusedWithAWrongOne() {
    Oracles.require(Proc.has("iscsi-ls"), "libiscsi-bin (iscsi-ls) is not installed");
    for (String portal : List.of("127.0.0.1:3263", "127.0.0.2:3263")) {
      Proc.Result ok = inNetns(Map.of(), "iscsi-ls", "-i", HV1, "-s", "iscsi://e2euser%" + SECRET + "@" + portal);
      assertThat(ok.rc()).as(ok.toString()).isZero();
      assertThat(ok.out()).contains("Target:iqn.2026-01.io.kvmsdk:e2e Portal:" + portal + ",1")
          .contains("Lun:0    Type:STORAGE_ARRAY_CONTROLLER").contains("Lun:1    Type:DIRECT_ACCESS (Size:63M)");
    }
    Proc.Result wrong = inNetns(Map.of(), "iscsi-ls", "-i", HV1, "-s", "iscsi://e2euser%wrong-secret-1@127.0.0.1:3263");
    assertThat(wrong.rc()).isEqualTo(10);
    assertThat(wrong.out() + wrong.err()).contains("Authentication failure(513)");
    Proc.Result none = inNetns(Map.of(), "iscsi-ls", "-i", HV1, "-s", "iscsi://127.0.0.1:3263");
    assertThat(none.rc()).isEqualTo(10);
    // an initiator outside the ACL: exit 0, nothing listed
    Proc.Result outsider = inNetns(Map.of(), "iscsi-ls", "-i", "iqn.2026-01.io.kvmsdk:outsider", "-s", "iscsi://e2euser%" + SECRET + "@127.0.0.1:3263");
    assertThat(outsider.rc()).isZero();
    assertThat(outsider.out()).isEmpty();
  }

  @Test void mutualChapProvesTheTargetToo() {
    Oracles.require(Proc.has("iscsi-inq"), "libiscsi-bin (iscsi-inq) is not installed");
    String url = "iscsi://mutin%" + MUTUAL_IN + "@127.0.0.1:3263/iqn.2026-01.io.kvmsdk:e2e-mutual/1";
    Proc.Result ok = inNetns(Map.of("LIBISCSI_CHAP_TARGET_USERNAME", "mutout", "LIBISCSI_CHAP_TARGET_PASSWORD", MUTUAL_OUT), "iscsi-inq", "-i", HV2, url);
    assertThat(ok.rc()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("Peripheral Device Type:DIRECT_ACCESS");
    Proc.Result impostor = inNetns(Map.of("LIBISCSI_CHAP_TARGET_USERNAME", "mutout", "LIBISCSI_CHAP_TARGET_PASSWORD", "not-the-target"), "iscsi-inq", "-i", HV2, url);
    assertThat(impostor.rc()).isNotZero();
    assertThat(impostor.out() + impostor.err()).contains("Invalid CHAP_R response from the target");
  }

  @Test void theLibvirtPoolListsTheLunAndAGuestBootsFromIt() throws Exception {
    Oracles.require(URI != null, "no private libvirtd: run scripts/oracles.sh start libvirt tgt and source its env (KVM_SDK_LIBVIRT_URI)");
    StoragePoolSpec spec = target.libvirtPool("s1-e2e-san", "127.0.0.1", HV1, "s1-e2e-chap");
    assertThat(RelaxNg.of("storagepool").errors(spec.toXml())).isNull();
    try (Kvm kvm = Kvm.connect(URI)) {
      cleanUp(kvm);
      Secret secret = target.defineChapSecret(kvm, "s1-e2e-chap");
      StoragePool pool = null;
      Domain guest = null;
      try {
        pool = kvm.pools().define(spec);
        try {
          pool.start();
        } catch (io.kvmsdk.core.LibvirtException e) {
          Oracles.require(!String.valueOf(e.getMessage()).contains("missing backend"), "libvirt's iscsi-direct backend is not installed: " + e.getMessage());
          throw e;
        }
        Map<String, Long> volumes = pool.volumes().list().stream()
            .collect(Collectors.toMap(StorageVolume::name, v -> v.spec().capacity().map(Size::bytes).orElse(-1L)));
        // libvirt lists tgt's LUN 0 (the controller) too, and the LUN one 512-byte block short of its file
        assertThat(volumes).containsEntry(IscsiTarget.directVolumeName(1), LUN_BYTES - 512).containsKey(IscsiTarget.directVolumeName(0));

        Path serial = dir.resolve("serial.log");
        DomainSpec vm = ContractCases.tinyGuest("s1-iscsi-boot").copy(b -> b
            .addDisk(target.disk(1, "127.0.0.1", HV1, "s1-e2e-chap").virtio())
            .addSerial(Serial.file(serial.toString())));
        assertThat(RelaxNg.of("domain").errors(vm.toXml())).isNull();
        guest = kvm.domains().define(vm);
        guest.start();
        String out = "";
        for (int i = 0; i < 300 && !out.contains(BANNER); i++) {
          Thread.sleep(100);
          out = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
        }
        assertThat(out).as("the guest's serial output: its boot sector came from the iSCSI LUN").contains(BANNER);
      } finally {
        if (guest != null) {
          try { guest.destroy(); } catch (RuntimeException ignored) { }
          guest.undefine();
        }
        if (pool != null) {
          if (pool.isActive()) pool.destroy();
          pool.undefine();
        }
        secret.undefine();
      }
    }
  }

  private static void cleanUp(Kvm kvm) {
    kvm.domains().find("s1-iscsi-boot").ifPresent(d -> {
      try { d.destroy(); } catch (RuntimeException ignored) { }
      d.undefine();
    });
    kvm.pools().find("s1-e2e-san").ifPresent(p -> {
      if (p.isActive()) p.destroy();
      p.undefine();
    });
    kvm.secrets().find("s1-e2e-chap").ifPresent(Secret::undefine);
  }

}
