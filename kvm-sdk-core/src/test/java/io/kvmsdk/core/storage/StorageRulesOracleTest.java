package io.kvmsdk.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves where each storage rule sits, against libvirt itself. A rule libvirt applies when it parses the
 * document ({@code pool-define}, {@code vol-create}) is refused by {@code fromXml}/{@code build()} with the
 * field named; a rule libvirt applies only later (pool-build, pool-start, the volume backend) or only for
 * one call is left to {@code validate()}, and {@code fromXml} accepts the document, as libvirt's define
 * does. Oracles: {@code virsh -c test:///default} always, the private libvirtd ({@code KVM_SDK_LIBVIRT_URI})
 * when it runs.
 */
class StorageRulesOracleTest {
  /** A document, the field our error must name, and whether libvirt's parse refuses it. */
  record Case(String what, String xml, String field) {}

  static final String T = "<target><path>/x</path></target>";
  static final String ISCSI = "<host name='h'/><device path='iqn.2020-01.io.example:t'/>";
  static final String NFS = "<source><host name='h'/><dir path='/x'/></source>";

  static String pool(String type, String body) { return "<pool type='" + type + "'><name>kvmsdk-rule</name>" + body + "</pool>"; }

  static String scsi(String adapter) { return pool("scsi", "<source>" + adapter + "</source>" + T); }

  static String chap(String authAttrs, String secret) {
    return pool("iscsi", "<source>" + ISCSI + "<auth" + authAttrs + ">" + secret + "</auth></source>" + T);
  }

  static final String ADDR = "<address domain='0' bus='0' slot='0x1f' function='2'/>";

  /** Pools libvirt's pool parser refuses, and so do we, naming the field. */
  static final List<Case> POOLS_REFUSED_AT_PARSE = List.of(
      new Case("no type", "<pool><name>kvmsdk-rule</name>" + T + "</pool>", "pool/@type"),
      new Case("unknown type", pool("foo", T), "pool/@type"),
      new Case("dir pool without target path", pool("dir", ""), "pool/target/path"),
      new Case("name with a slash", "<pool type='dir'><name>a/b</name>" + T + "</pool>", "pool/name"),
      new Case("dir pool without name", "<pool type='dir'>" + T + "</pool>", "pool/name"),
      new Case("logical pool without any name", "<pool type='logical'><source><format type='lvm2'/></source></pool>", "pool/name"),
      new Case("malformed uuid", pool("dir", "<uuid>xyz</uuid>" + T), "pool/uuid"),
      new Case("cow on a netfs pool", pool("netfs", "<features><cow state='yes'/></features>" + NFS + T), "pool/features/cow"),
      new Case("cow state not yes/no", pool("dir", "<features><cow state='maybe'/></features>" + T), "pool/features/cow/@state"),
      new Case("netfs without host", pool("netfs", "<source><dir path='/x'/></source>" + T), "pool/source/host"),
      new Case("netfs without dir", pool("netfs", "<source><host name='h'/></source>" + T), "pool/source/dir"),
      new Case("netfs format ext4", pool("netfs", "<source><host name='h'/><dir path='/x'/><format type='ext4'/></source>" + T), "pool/source/format/@type"),
      new Case("protocol ver with cifs", pool("netfs", "<source><host name='h'/><dir path='x'/><format type='cifs'/><protocol ver='4'/></source>" + T), "pool/source/protocol/@ver"),
      new Case("host without name", pool("netfs", "<source><host port='1'/><dir path='/x'/></source>" + T), "pool/source/host[1]/@name"),
      new Case("host port not a number", pool("netfs", "<source><host name='h' port='x'/><dir path='/x'/></source>" + T), "pool/source/host[1]/@port"),
      new Case("fs pool without device", pool("fs", "<source><format type='ext4'/></source>" + T), "pool/source/device"),
      new Case("device without path", pool("fs", "<source><device/></source>" + T), "pool/source/device[1]/@path"),
      new Case("part_separator not yes/no", pool("disk", "<source><device path='/dev/sda' part_separator='x'/></source>" + T), "pool/source/device[1]/@part_separator"),
      new Case("disk format ext4", pool("disk", "<source><device path='/dev/sda'/><format type='ext4'/></source>" + T), "pool/source/format/@type"),
      new Case("iscsi without host", pool("iscsi", "<source><device path='iqn.2020-01.io.example:t'/></source>" + T), "pool/source/host"),
      new Case("iscsi-direct without initiator", pool("iscsi-direct", "<source>" + ISCSI + "</source>"), "pool/source/initiator/iqn"),
      new Case("iscsi-direct initiator without iqn name", pool("iscsi-direct", "<source>" + ISCSI + "<initiator><iqn/></initiator></source>"), "pool/source/initiator/iqn"),
      new Case("rbd without source name", pool("rbd", "<source><host name='h'/></source>"), "pool/source/name"),
      new Case("rbd without source", pool("rbd", ""), "pool/source/host"),
      new Case("gluster without host", pool("gluster", "<source><name>v</name></source>"), "pool/source/host"),
      new Case("vstorage without target", pool("vstorage", "<source><name>c</name></source>"), "pool/target/path"),
      new Case("scsi without adapter", pool("scsi", "<source/>" + T), "pool/source/adapter"),
      new Case("adapter type 'default'", scsi("<adapter type='default' name='host0'/>"), "pool/source/adapter/@type"),
      new Case("untyped adapter with wwnn", scsi("<adapter name='host0' wwnn='20000000c9831b4b'/>"), "pool/source/adapter/@type"),
      new Case("untyped adapter with parentaddr", scsi("<adapter><parentaddr unique_id='1'>" + ADDR + "</parentaddr></adapter>"), "pool/source/adapter/@type"),
      new Case("scsi_host without name or parentaddr", scsi("<adapter type='scsi_host'/>"), "pool/source/adapter"),
      new Case("scsi_host with name and parentaddr", scsi("<adapter type='scsi_host' name='host0'><parentaddr unique_id='1'>" + ADDR + "</parentaddr></adapter>"), "pool/source/adapter/@name"),
      new Case("parentaddr without address", scsi("<adapter type='scsi_host'><parentaddr unique_id='1'/></adapter>"), "pool/source/adapter/parentaddr/address"),
      new Case("parentaddr without unique_id", scsi("<adapter type='scsi_host'><parentaddr>" + ADDR + "</parentaddr></adapter>"), "pool/source/adapter/parentaddr/@unique_id"),
      new Case("parentaddr negative unique_id", scsi("<adapter type='scsi_host'><parentaddr unique_id='-1'>" + ADDR + "</parentaddr></adapter>"), "pool/source/adapter/parentaddr/@unique_id"),
      new Case("parentaddr slot above 0x1f", scsi("<adapter type='scsi_host'><parentaddr unique_id='1'><address domain='0' bus='0' slot='0x3f' function='2'/></parentaddr></adapter>"),
          "pool/source/adapter/parentaddr/address/@slot"),
      new Case("fc_host without wwpn", scsi("<adapter type='fc_host' wwnn='20000000c9831b4b'/>"), "pool/source/adapter/@wwpn"),
      new Case("fc_host malformed wwnn", scsi("<adapter type='fc_host' wwnn='20000000c9831b4' wwpn='10000000c9831b4b'/>"), "pool/source/adapter/@wwnn"),
      new Case("fc_host parent_wwnn alone", scsi("<adapter type='fc_host' parent_wwnn='20000000c9831b4b' wwnn='20000000c9831b4b' wwpn='10000000c9831b4b'/>"),
          "pool/source/adapter/@parent_wwpn"),
      new Case("fc_host malformed parent_fabric_wwn", scsi("<adapter type='fc_host' parent_fabric_wwn='2' wwnn='20000000c9831b4b' wwpn='10000000c9831b4b'/>"),
          "pool/source/adapter/@parent_fabric_wwn"),
      new Case("fc_host managed not yes/no", scsi("<adapter type='fc_host' managed='x' wwnn='20000000c9831b4b' wwpn='10000000c9831b4b'/>"), "pool/source/adapter/@managed"),
      new Case("auth without type", chap(" username='u'", "<secret usage='s'/>"), "pool/source/auth/@type"),
      new Case("auth of unknown type", chap(" type='foo' username='u'", "<secret usage='s'/>"), "pool/source/auth/@type"),
      new Case("auth without username", chap(" type='chap'", "<secret usage='s'/>"), "pool/source/auth/@username"),
      new Case("auth without secret", chap(" type='chap' username='u'", ""), "pool/source/auth/secret"),
      new Case("secret without usage or uuid", chap(" type='chap' username='u'", "<secret/>"), "pool/source/auth/secret"),
      new Case("secret with malformed uuid", chap(" type='chap' username='u'", "<secret uuid='zz'/>"), "pool/source/auth/secret/@uuid"),
      new Case("secret with usage and uuid", chap(" type='chap' username='u'", "<secret uuid='2ec115d7-3a88-3ceb-bc12-0ac909a6fd87' usage='x'/>"),
          "pool/source/auth/secret/@uuid"),
      new Case("refresh allocation unknown", pool("dir", T + "<refresh><volume allocation='x'/></refresh>"), "pool/refresh/volume/@allocation"),
      new Case("mode not octal", pool("dir", "<target><path>/x</path><permissions><mode>0999</mode></permissions></target>"), "pool/target/permissions/mode"),
      new Case("mode above 0777", pool("dir", "<target><path>/x</path><permissions><mode>01777</mode></permissions></target>"), "pool/target/permissions/mode"),
      new Case("owner -2", pool("dir", "<target><path>/x</path><permissions><owner>-2</owner></permissions></target>"), "pool/target/permissions/owner"),
      new Case("owner not a number", pool("dir", "<target><path>/x</path><permissions><owner>abc</owner></permissions></target>"), "pool/target/permissions/owner"));

  /** Pools libvirt defines but refuses later (pool-build, pool-start): fromXml accepts, validate() refuses. */
  static final List<Case> POOLS_REFUSED_LATER = List.of(
      new Case("relative target path (pool-build: not absolute)", pool("dir", "<target><path>kvmsdk/rel</path></target>"), "pool/target/path"),
      new Case("iscsi without target IQN", pool("iscsi", "<source><host name='h'/></source>" + T), "pool/source/device"),
      new Case("iscsi-direct without target IQN", pool("iscsi-direct", "<source><host name='h'/><initiator><iqn name='iqn.2020-01.io.example:i'/></initiator></source>"),
          "pool/source/device"),
      new Case("iscsi-direct with ceph auth (pool-start: only chap)",
          pool("iscsi-direct", "<source>" + ISCSI + "<initiator><iqn name='iqn.2020-01.io.example:i'/></initiator><auth type='ceph' username='u'><secret usage='x'/></auth></source>"),
          "pool/source/auth/@type"),
      new Case("rbd with chap auth", pool("rbd", "<source><host name='h'/><name>r</name><auth type='chap' username='u'><secret usage='x'/></auth></source>"), "pool/source/auth/@type"),
      new Case("negative host port", pool("netfs", "<source><host name='h' port='-5'/><dir path='/x'/></source>" + T), "pool/source/host/@port"),
      new Case("host port above 65535", pool("netfs", "<source><host name='h' port='70000'/><dir path='/x'/></source>" + T), "pool/source/host/@port"));

  static String vol(String body) { return "<volume><name>kvmsdk-rule.img</name>" + body + "</volume>"; }

  static final String S = "<secret type='passphrase' uuid='f52a81b2-424e-490c-823d-6bd4235bc572'/>";

  static String enc(String encryption) { return vol("<capacity>1</capacity><target><format type='raw'/>" + encryption + "</target>"); }

  /** Volumes libvirt's volume parser refuses, and so do we. */
  static final List<Case> VOLUMES_REFUSED_AT_PARSE = List.of(
      new Case("no name", "<volume><capacity>1</capacity></volume>", "volume/name"),
      new Case("negative capacity", vol("<capacity>-1</capacity>"), "volume/capacity"),
      new Case("hex capacity", vol("<capacity>0x10</capacity>"), "volume/capacity"),
      new Case("unknown unit", vol("<capacity unit='zz'>1</capacity>"), "volume/capacity/@unit"),
      new Case("capacity of 8 EiB", vol("<capacity unit='EiB'>8</capacity>"), "volume/capacity"),
      new Case("allocation not a number", vol("<capacity>1</capacity><allocation>x</allocation>"), "volume/allocation"),
      new Case("unknown type", "<volume type='zz'><name>kvmsdk-rule.img</name><capacity>1</capacity></volume>", "volume/@type"),
      new Case("compat 1.x", vol("<capacity>1</capacity><target><format type='qcow2'/><compat>1.x</compat></target>"), "volume/target/compat"),
      new Case("compat 1.1.1", vol("<capacity>1</capacity><target><format type='qcow2'/><compat>1.1.1</compat></target>"), "volume/target/compat"),
      new Case("unknown qcow2 feature", vol("<capacity>1</capacity><target><format type='qcow2'/><features><foo/></features></target>"), "volume/target/features/foo"),
      new Case("clusterSize unit unknown", vol("<capacity>1</capacity><target><format type='qcow2'/><clusterSize unit='zz'>1</clusterSize></target>"),
          "volume/target/clusterSize/@unit"),
      new Case("mode not octal", vol("<capacity>1</capacity><target><permissions><mode>8</mode></permissions></target>"), "volume/target/permissions/mode"),
      new Case("backing store mode not octal", vol("<capacity>1</capacity><backingStore><path>/dev/null</path><permissions><mode>9</mode></permissions></backingStore>"),
          "volume/backingStore/permissions/mode"),
      new Case("encryption without format", enc("<encryption>" + S + "</encryption>"), "volume/target/encryption/@format"),
      new Case("encryption format unknown", enc("<encryption format='zz'>" + S + "</encryption>"), "volume/target/encryption/@format"),
      new Case("encryption engine unknown", enc("<encryption format='luks' engine='zz'>" + S + "</encryption>"), "volume/target/encryption/@engine"),
      new Case("secret without type", enc("<encryption format='luks'><secret uuid='f52a81b2-424e-490c-823d-6bd4235bc572'/></encryption>"), "volume/target/encryption/secret/@type"),
      new Case("secret of type ceph", enc("<encryption format='luks'><secret type='ceph' uuid='f52a81b2-424e-490c-823d-6bd4235bc572'/></encryption>"),
          "volume/target/encryption/secret/@type"),
      new Case("secret without uuid or usage", enc("<encryption format='luks'><secret type='passphrase'/></encryption>"), "volume/target/encryption/secret"),
      new Case("cipher without name", enc("<encryption format='luks'>" + S + "<cipher size='256'/></encryption>"), "volume/target/encryption/cipher/@name"),
      new Case("cipher without size", enc("<encryption format='luks'>" + S + "<cipher name='aes'/></encryption>"), "volume/target/encryption/cipher/@size"),
      new Case("cipher size not a number", enc("<encryption format='luks'>" + S + "<cipher name='aes' size='x'/></encryption>"), "volume/target/encryption/cipher/@size"),
      new Case("ivgen without cipher", enc("<encryption format='luks'>" + S + "<ivgen name='plain64'/></encryption>"), "volume/target/encryption/ivgen"));

  // ------------------------------------------------------------------ pools

  @TestFactory
  Stream<DynamicTest> poolsLibvirtRefusesAtDefineAreRefusedAtParseNamingTheField() {
    Virsh.require();
    String daemon = daemonOrNull();
    return POOLS_REFUSED_AT_PARSE.stream().map(c -> DynamicTest.dynamicTest(c.what(), () -> {
      InvalidSpecException e = catchThrowableOfType(() -> StoragePoolSpec.fromXml(c.xml()), InvalidSpecException.class);
      assertThat(e).as("fromXml refuses " + c.what()).isNotNull();
      assertThat(e.field()).isEqualTo(c.field());
      assertThat(e.rule()).isNotBlank();
      assertThat(e.getMessage()).startsWith(c.field() + ": ");
      Virsh.Result r = Virsh.poolDefine(Virsh.TEST, c.xml(), "kvmsdk-rule");
      assertThat(r.ok()).as("test:///default refuses " + c.what() + ": " + r.out()).isFalse();
      if (daemon != null) {
        Virsh.Result d = Virsh.poolDefine(daemon, c.xml(), "kvmsdk-rule");
        if (!d.out().contains("missing backend")) assertThat(d.ok()).as("libvirtd refuses " + c.what() + ": " + d.out()).isFalse();
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> poolsLibvirtRefusesOnlyLaterParseAndFailValidate() {
    Virsh.require();
    String daemon = daemonOrNull();
    return POOLS_REFUSED_LATER.stream().map(c -> DynamicTest.dynamicTest(c.what(), () -> {
      StoragePoolSpec p = StoragePoolSpec.fromXml(c.xml());
      InvalidSpecException e = catchThrowableOfType(p::validate, InvalidSpecException.class);
      assertThat(e).as("validate() refuses " + c.what()).isNotNull();
      assertThat(e.field()).isEqualTo(c.field());
      Virsh.Result r = Virsh.poolDefine(Virsh.TEST, c.xml(), "kvmsdk-rule");
      assertThat(r.ok()).as("test:///default defines " + c.what() + ": " + r.out()).isTrue();
      if (daemon != null) {
        Virsh.Result d = Virsh.poolDefine(daemon, c.xml(), "kvmsdk-rule");
        if (!d.out().contains("missing backend")) assertThat(d.ok()).as("libvirtd defines " + c.what() + ": " + d.out()).isTrue();
      }
    }));
  }

  @Test
  void libvirtdRefusesTheLaterRulesWhenThePoolIsBuiltOrStarted() {
    String uri = Virsh.daemonUri();
    String rel = pool("dir", "<target><path>kvmsdk-relative</path></target>");
    assertThat(Virsh.withFile(uri, rel, "pool-define").ok()).isTrue();
    try {
      Virsh.Result build = Virsh.run(uri, "pool-build", "kvmsdk-rule");
      assertThat(build.ok()).isFalse();
      assertThat(build.out()).contains("not absolute");
    } finally {
      Virsh.run(uri, "pool-undefine", "kvmsdk-rule");
    }
    String cephOnIscsiDirect = POOLS_REFUSED_LATER.get(3).xml().replace("<host name='h'/>", "<host name='127.0.0.1' port='1'/>");
    Virsh.Result define = Virsh.withFile(uri, cephOnIscsiDirect, "pool-define");
    if (define.out().contains("missing backend")) {
      System.err.println("libvirtd has no iscsi-direct backend (libvirt-daemon-driver-storage-iscsi-direct): pool-start not tried");
      return;
    }
    assertThat(define.ok()).as(define.out()).isTrue();
    try {
      Virsh.Result start = Virsh.run(uri, "pool-start", "kvmsdk-rule");
      assertThat(start.ok()).isFalse();
      assertThat(start.out()).contains("only supports 'chap'");
    } finally {
      Virsh.run(uri, "pool-undefine", "kvmsdk-rule");
    }
  }

  @Test
  void theFsBackendRefusesAMountOptionWithoutNameAtDefineTheTestDriverIgnoresNamespaces() {
    String xml = "<pool type='netfs' xmlns:fs='" + StoragePoolSpec.FS_NAMESPACE + "'><name>kvmsdk-rule</name>" + NFS + T
        + "<fs:mount_opts><fs:option/></fs:mount_opts></pool>";
    InvalidSpecException e = catchThrowableOfType(() -> StoragePoolSpec.fromXml(xml), InvalidSpecException.class);
    assertThat(e.field()).isEqualTo("pool/fs:mount_opts/fs:option/@name");
    assertThat(Virsh.poolDefine(Virsh.TEST, xml, "kvmsdk-rule").ok()).as("the test driver registers no namespace").isTrue();
    Virsh.Result d = Virsh.poolDefine(Virsh.daemonUri(), xml, "kvmsdk-rule");
    assertThat(d.ok()).isFalse();
    assertThat(d.out()).contains("no fs mount option name");
  }

  @Test
  void whatLibvirtIgnoresOnInputIsKeptVerbatimNotRefused() {
    Virsh.require();
    String xml = pool("dir", "<capacity unit='zz'>-4</capacity>" + T);
    StoragePoolSpec p = StoragePoolSpec.fromXml(xml);
    assertThat(p.unmodeledPaths()).containsExactly("pool/capacity");
    assertThatCode(p::validate).doesNotThrowAnyException();
    assertThat(Virsh.poolDefine(Virsh.TEST, xml, "kvmsdk-rule").ok()).isTrue();
    String phys = vol("<capacity>1</capacity><physical unit='zz'>-1</physical>");
    assertThat(StorageVolumeSpec.fromXml(phys).unmodeledPaths()).containsExactly("volume/physical");
    assertThat(Virsh.volCreate(Virsh.TEST, Virsh.TEST_POOL, phys, "kvmsdk-rule.img").ok()).isTrue();
  }

  // ------------------------------------------------------------------ volumes

  @TestFactory
  Stream<DynamicTest> volumesLibvirtRefusesAtCreateAreRefusedAtParseNamingTheField() {
    Virsh.require();
    String daemon = daemonOrNull();
    if (daemon != null) ensureDaemonPool(daemon);
    return VOLUMES_REFUSED_AT_PARSE.stream().map(c -> DynamicTest.dynamicTest(c.what(), () -> {
      InvalidSpecException e = catchThrowableOfType(() -> StorageVolumeSpec.fromXml(c.xml()), InvalidSpecException.class);
      assertThat(e).as("fromXml refuses " + c.what()).isNotNull();
      assertThat(e.field()).isEqualTo(c.field());
      Virsh.Result r = Virsh.volCreate(Virsh.TEST, Virsh.TEST_POOL, c.xml(), "kvmsdk-rule.img");
      assertThat(r.ok()).as("test:///default refuses " + c.what() + ": " + r.out()).isFalse();
      if (daemon != null) {
        Virsh.Result d = Virsh.volCreate(daemon, DAEMON_POOL, c.xml(), "kvmsdk-rule.img");
        assertThat(d.ok()).as("libvirtd refuses " + c.what() + ": " + d.out()).isFalse();
      }
    }));
  }

  @Test
  void aVolumeWithoutCapacityParsesButValidateRefusesItForVolCreate() {
    Virsh.require();
    String xml = vol("<target><format type='raw'/></target>");
    StorageVolumeSpec v = StorageVolumeSpec.fromXml(xml);
    assertThatCode(v::validateForCreateFrom).doesNotThrowAnyException();
    InvalidSpecException e = catchThrowableOfType(v::validate, InvalidSpecException.class);
    assertThat(e.field()).isEqualTo("volume/capacity");
    assertThat(Virsh.volCreate(Virsh.TEST, Virsh.TEST_POOL, xml, "kvmsdk-rule.img").out()).contains("missing capacity");
  }

  @Test
  void libvirtdsVolCreateFromTakesTheCapacityFromTheClonedVolume() throws Exception {
    String uri = Virsh.daemonUri();
    ensureDaemonPool(uri);
    StorageVolumeSpec v = StorageVolumeSpec.fromXml(vol("<target><format type='raw'/></target>"));
    assertThatCode(v::validateForCreateFrom).doesNotThrowAnyException();
    java.nio.file.Path f = java.nio.file.Files.createTempFile("kvmsdk-storage", ".xml");
    try {
      java.nio.file.Files.writeString(f, v.toXml());
      Virsh.Result r = Virsh.run(uri, "vol-create-as " + DAEMON_POOL + " kvmsdk-source.img 1024; vol-create-from "
          + DAEMON_POOL + " " + f + " kvmsdk-source.img --inputpool " + DAEMON_POOL + "; vol-info --pool " + DAEMON_POOL + " kvmsdk-rule.img");
      assertThat(r.ok()).as(r.out()).isTrue();
      assertThat(r.out()).contains("1.00 KiB");
    } finally {
      Virsh.run(uri, "vol-delete --pool " + DAEMON_POOL + " kvmsdk-rule.img; vol-delete --pool " + DAEMON_POOL + " kvmsdk-source.img");
      java.nio.file.Files.deleteIfExists(f);
    }
  }

  @Test
  void aFormatOfAnotherPoolTypeParsesButValidateForThePoolRefusesIt() {
    Virsh.require();
    String xml = vol("<capacity>1</capacity><target><format type='linux'/></target>");
    StorageVolumeSpec v = StorageVolumeSpec.fromXml(xml);
    assertThatCode(() -> v.validateFor(StoragePoolSpec.fromXml(pool("disk", "<source><device path='/dev/sda'/></source><target><path>/dev</path></target>"))))
        .doesNotThrowAnyException();
    InvalidSpecException e = catchThrowableOfType(() -> v.validateFor(StoragePoolSpec.dir("p", "/x")), InvalidSpecException.class);
    assertThat(e.field()).isEqualTo("volume/target/format/@type");
    assertThat(Virsh.volCreate(Virsh.TEST, Virsh.TEST_POOL, xml, "kvmsdk-rule.img").out()).contains("unknown volume format type linux");
  }

  @Test
  void libvirtdsDirBackendWantsExactlyOneSecretTheParserDoesNot() {
    String uri = Virsh.daemonUri();
    ensureDaemonPool(uri);
    for (String encryption : List.of("<encryption format='luks'/>", "<encryption format='luks'>" + S + S + "</encryption>")) {
      String xml = enc(encryption);
      StorageVolumeSpec v = StorageVolumeSpec.fromXml(xml);
      assertThat(catchThrowableOfType(v::validate, InvalidSpecException.class).field()).isEqualTo("volume/target/encryption/secret");
      assertThat(Virsh.volCreate(Virsh.TEST, Virsh.TEST_POOL, xml, "kvmsdk-rule.img").ok()).as("the test driver's parse accepts it").isTrue();
      Virsh.Result d = Virsh.volCreate(uri, DAEMON_POOL, xml, "kvmsdk-rule.img");
      assertThat(d.ok()).isFalse();
      assertThat(d.out()).contains("single <secret type='passphrase'");
    }
  }

  // ------------------------------------------------------------------ the private daemon

  static final String DAEMON_POOL = "kvmsdk-storage-tests";

  static String daemonOrNull() {
    String u = System.getProperty("kvmsdk.libvirtUri", System.getenv("KVM_SDK_LIBVIRT_URI"));
    return u == null || u.isBlank() ? null : u;
  }

  /** A started dir pool on the private daemon for volume tests (transient: gone when the daemon stops). */
  static void ensureDaemonPool(String uri) {
    if (Virsh.run(uri, "pool-info", DAEMON_POOL).ok()) return;
    String dir = System.getProperty("java.io.tmpdir") + "/" + DAEMON_POOL + "-" + ProcessHandle.current().pid();
    new java.io.File(dir).mkdirs();
    Virsh.Result r = Virsh.run(uri, "pool-create-as", DAEMON_POOL, "dir", "--target", dir);
    assertThat(r.ok()).as(r.out()).isTrue();
  }

}
