package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.secret.SecretSpec;
import io.kvmsdk.core.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SnapshotSpec#fromXml} and {@link SecretSpec#fromXml} under {@link Fuzz}: a typed refusal or a stable re-render. */
class SnapshotAndSecretFuzzTest {
  static final String SNAPSHOT = """
      <domainsnapshot>
        <name>before-upgrade</name>
        <description>taken by a script</description>
        <state>running</state>
        <creationTime>1386166249</creationTime>
        <memory snapshot='external' file='/var/lib/libvirt/qemu/snapshot/web1/mem'/>
        <disks>
          <disk name='vda' snapshot='external' type='file'>
            <driver type='qcow2'/>
            <source file='/var/lib/libvirt/images/web1.snap1'/>
          </disk>
          <disk name='vdb' snapshot='no'/>
        </disks>
        <parent><name>first</name></parent>
        <domain type='kvm'>
          <name>web1</name>
          <memory unit='KiB'>1048576</memory>
          <os><type arch='x86_64'>hvm</type></os>
          <devices>
            <disk type='file' device='disk'><source file='/var/lib/libvirt/images/web1.qcow2'/><target dev='vda' bus='virtio'/></disk>
            <graphics type='vnc' port='-1' passwd='vncsecret'/>
          </devices>
        </domain>
      </domainsnapshot>
      """;

  static final String SECRET = """
      <secret ephemeral='no' private='yes'>
        <uuid>f52a81b2-424e-490c-823d-6bd4235bc572</uuid>
        <description>CEPH passphrase example</description>
        <usage type='ceph'>
          <name>ceph_example</name>
        </usage>
      </secret>
      """;

  static List<String> seeds(String inline, String kind) {
    List<String> out = new ArrayList<>(List.of(inline));
    out.addAll(Fuzz.corpus(kind));
    return out;
  }

  @Test void snapshots() {
    Fuzz.xml("domainsnapshot", SnapshotSpec::fromXml, SnapshotSpec::toXml).seeds(seeds(SNAPSHOT, "snapshot"))
        .secretAttributes("passwd").secretText("cookie").words("external", "internal", "no", "manual", "qcow2", "file", "vda")
        .cases(1500).run();
  }

  @Test void secrets() {
    Fuzz.xml("secret", SecretSpec::fromXml, SecretSpec::toXml).seeds(seeds(SECRET, "secret"))
        .words("ceph", "iscsi", "volume", "tls", "vtpm", "yes", "no").cases(1500).run();
  }

  /** Seeds 29, 109 and ~290 more: a snapshot's toString() was its plain XML, the embedded domain's VNC password included. */
  @Test void seed109_aSnapshotsToStringMasksTheEmbeddedDomainsPassword() {
    SnapshotSpec s = SnapshotSpec.fromXml(SNAPSHOT.replace("vncsecret", "fuzzSecret1"));
    assertThat(s.toXml()).contains("passwd='fuzzSecret1'");
    assertThat(s.toString()).doesNotContain("fuzzSecret").contains("passwd='****'");
    assertThat(SnapshotSpec.fromXml(s.toXml())).isEqualTo(s);
  }

  /** Seed 1091: an empty {@code <disks/>} was typed as no disks, so a second {@code <disks>} kept after it became the typed one on the next read. */
  @Test void seed1091_anEmptyDisksBeforeARealOneStaysPut() {
    String xml = "<domainsnapshot><name>s</name><disks/><disks><disk name='vda' snapshot='external' type='file'>"
        + "<source file='/tmp/a'/></disk></disks><domain><uuid>9d37b878-a7cc-9f9a-b78f-49b3abad25a8</uuid></domain></domainsnapshot>";
    assertThat(Fuzz.xml("domainsnapshot", SnapshotSpec::fromXml, SnapshotSpec::toXml).check(xml).kind).isEqualTo("parsed");
  }

  /**
   * Seed 19395 (of 20,000): a dropped character turned {@code passwd='fuzzSecret...'} into
   * {@code paswd='fuzzSecret...'}, an ordinary attribute kept verbatim, and the harness called it a
   * leak. A planted value is a secret only while it sits at a secret site ({@link Fuzz#secretCase}).
   */
  @Test void seed19395_aPlantedValueMovedOffItsSecretSiteIsNoSecret() {
    String xml = "<domainsnapshot paswd='fuzzSecreta158d' passwd='fuzzSecreta293c'>\n  <name>snap1</name>\n</domainsnapshot>\n";
    Fuzz<SnapshotSpec> f = Fuzz.xml("domainsnapshot", SnapshotSpec::fromXml, SnapshotSpec::toXml).secretAttributes("passwd").secretText("cookie");
    assertThat(f.check(xml).kind).isEqualTo("parsed");
    Fuzz.SecretCase c = f.secretCase(xml);
    assertThat(c.live()).containsExactly("fuzzSecreta293c");
    assertThat(c.shownIn("x passwd='fuzzSecreta293c'")).isNotNull();
    assertThat(c.shownIn("x paswd='fuzzSecreta158d' passwd='****'")).isNull();
    assertThat(f.secretCase("<a><cookie n='1'>fuzzSecret1</cookie></a>").shownIn("fuzzSecret1")).isNotNull();
    Fuzz<String> text = Fuzz.text("t", x -> x, null).secretKeywords("auth_pass");
    assertThat(text.secretCase("  auth_pass \"fuzzSecret1\";\nx fuzzSecret2\n").live()).containsExactly("fuzzSecret1");
    assertThat(text.secretCase("auth_pass\nfuzzSecret3").planted()).isFalse();
  }
}
