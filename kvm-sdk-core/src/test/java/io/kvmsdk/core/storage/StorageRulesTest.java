package io.kvmsdk.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.Encryption;
import io.kvmsdk.core.common.SecretRef;
import io.kvmsdk.core.common.SourceHost;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Specs built in code are checked by {@code build()} like parsed ones: the error names the field and the rule. */
class StorageRulesTest {
  static InvalidSpecException refused(ThrowingCallable c) {
    InvalidSpecException e = catchThrowableOfType(c, InvalidSpecException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.getMessage()).isEqualTo(e.field() + ": " + e.rule());
    return e;
  }

  @Test
  void aPoolNeedsATypeAndAName() {
    assertThat(refused(() -> StoragePoolSpec.builder().name("p").build()).field()).isEqualTo("pool/@type");
    InvalidSpecException e = refused(() -> StoragePoolSpec.builder().type("dir").build());
    assertThat(e.field()).isEqualTo("pool/name");
    assertThat(e.rule()).contains("required");
    assertThat(refused(() -> StoragePoolSpec.builder().type("tape").name("p").build()).rule()).contains("must be one of").contains("'tape'");
  }

  @Test
  void aPoolWithoutItsRequiredSourceIsRefusedNamingThePart() {
    assertThat(refused(() -> StoragePoolSpec.builder().type("netfs").name("n").target(PoolTarget.of("/mnt")).build()).field())
        .isEqualTo("pool/source/host");
    InvalidSpecException e = refused(() -> StoragePoolSpec.netfs("n", "h", "/x", "/mnt").withSource(s -> s.dir(java.util.Optional.empty())));
    assertThat(e.field()).isEqualTo("pool/source/dir");
    assertThat(refused(() -> StoragePoolSpec.rbd("c", "rbd")).field()).isEqualTo("pool/source/host");
    assertThat(refused(() -> StoragePoolSpec.builder().type("scsi").name("s").target(PoolTarget.of("/dev/disk/by-path")).build()).field())
        .isEqualTo("pool/source/adapter");
    assertThat(refused(() -> StoragePoolSpec.builder().type("iscsi-direct").name("d")
        .source(PoolSource.builder().addHost(SourceHost.of("h")).build()).build()).field()).isEqualTo("pool/source/initiator/iqn");
  }

  @Test
  void authTypeAndSecretAreChecked() {
    StoragePoolSpec iscsi = StoragePoolSpec.iscsi("san", SourceHost.of("h", 3260), "iqn.2020-01.io.example:t");
    assertThat(refused(() -> iscsi.authBySecretUuid("kerberos", "u", "2ec115d7-3a88-3ceb-bc12-0ac909a6fd87")).field()).isEqualTo("auth/@type");
    assertThat(refused(() -> iscsi.authBySecretUuid("chap", "u", "not-a-uuid")).field()).isEqualTo("auth/secret/@uuid");
    assertThat(iscsi.chap("u", "usage").source().get().auth().get().secret().get().usage()).contains("usage");
  }

  @Test
  void fcHostAdaptersNeedWellFormedWwns() {
    StoragePoolSpec.Builder b = StoragePoolSpec.builder().type("scsi").name("hba").target(PoolTarget.of("/dev/disk/by-path"));
    InvalidSpecException e = refused(() -> b.source(PoolSource.builder().adapter(PoolSourceAdapter.fcHost("123", "10000000c9831b4b")).build()).build());
    assertThat(e.field()).isEqualTo("pool/source/adapter/@wwnn");
    assertThat(e.rule()).contains("16 hex digits");
    assertThatCode(() -> b.source(PoolSource.builder().adapter(PoolSourceAdapter.scsiHost(PoolAdapterParentAddr.of(1, 0, 0, 0x1f, 2))).build()).build())
        .doesNotThrowAnyException();
  }

  @Test
  void permissionsFollowLibvirtsParser() {
    assertThat(refused(() -> StoragePoolSpec.dir("p", "/p").permissions(StoragePermissions.builder().mode("0800").build())).field())
        .isEqualTo("pool/target/permissions/mode");
    assertThat(refused(() -> StorageVolumeSpec.raw("v", Size.mib(1)).permissions(StoragePermissions.builder().owner(-7L).build())).field())
        .isEqualTo("permissions/owner");
    assertThat(StoragePermissions.of(0744, 107, 107).mode()).contains("0744");
    assertThat(StoragePermissions.of(0744, 107, 107).modeBits()).contains(0744);
  }

  @Test
  void cowIsOnlyForDirAndFsPools() {
    InvalidSpecException e = refused(() -> StoragePoolSpec.zfs("z", "tank").copy(b -> b.features(PoolFeatures.builder().cow(false).build())));
    assertThat(e.field()).isEqualTo("pool/features/cow");
    assertThat(e.rule()).contains("'fs' and 'dir'");
  }

  @Test
  void volumeEncryptionIsChecked() {
    StorageVolumeSpec raw = StorageVolumeSpec.raw("v", Size.mib(1));
    assertThat(refused(() -> raw.encryption(Encryption.builder().format("rot13").build())).field()).isEqualTo("encryption/@format");
    assertThat(refused(() -> raw.encryption(Encryption.builder().format("luks").addSecret(SecretRef.usage("ceph", "x")).build())).rule())
        .contains("'passphrase'");
  }

  @Test
  void volumeQcow2OptionsAreChecked() {
    assertThat(refused(() -> StorageVolumeSpec.qcow2("v", Size.gib(1)).withTarget(t -> t.compat("1"))).field()).isEqualTo("compat");
    StorageVolumeSpec q = StorageVolumeSpec.qcow2("v", Size.gib(1)).lazyRefcounts().withTarget(t -> t.clusterSize(Size.kib(64)));
    assertThat(q.target().get().features().get().lazyRefcounts()).isTrue();
    assertThat(q.toXml()).contains("<clusterSize unit='KiB'>64</clusterSize>");
  }

  @Test
  void aVolumeNeedsANameAndVolCreateACapacity() {
    assertThat(refused(() -> StorageVolumeSpec.builder().capacity(Size.gib(1)).build()).field()).isEqualTo("volume/name");
    StorageVolumeSpec noCapacity = StorageVolumeSpec.builder().name("v").build();
    assertThat(refused(noCapacity::validate).field()).isEqualTo("volume/capacity");
    assertThat(refused(() -> StorageVolumeSpec.builder().type("tape").name("v").build()).field()).isEqualTo("volume/@type");
    assertThat(refused(() -> Size.bytes(-1)).rule()).contains("negative");
  }

  @Test
  void copyDerivesAndLeavesTheOriginal() {
    StoragePoolSpec a = StoragePoolSpec.dir("a", "/a");
    StoragePoolSpec b = a.copy(x -> x.name("b").uuid("70a7eb15-6c34-ee9c-bf57-69e8e5ff3fb2"));
    assertThat(a.name()).isEqualTo("a");
    assertThat(b.name()).isEqualTo("b");
    assertThat(b.uuid()).contains("70a7eb15-6c34-ee9c-bf57-69e8e5ff3fb2");
    StorageVolumeSpec v = StorageVolumeSpec.raw("v", Size.gib(1));
    assertThat(v.copy(x -> x.name("w")).name()).isEqualTo("w");
    assertThat(v.name()).isEqualTo("v");
  }

  @Test
  void toStringShowsTheXmlAndNoSecretValueIsEverPartOfIt() {
    StoragePoolSpec p = StoragePoolSpec.rbd("ceph", "rbd", SourceHost.of("mon1", 6789)).cephx("admin", "client.admin secret");
    assertThat(p.toString()).contains("<pool type='rbd'>").contains("usage='client.admin secret'");
  }
}
