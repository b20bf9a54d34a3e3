package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real libvirt as the oracle ({@code virsh -c test:///default define}, a fresh in-memory driver per
 * call): what the guest builders render is accepted, and every guest-level rule rejects exactly
 * what libvirt 9.0 rejects.
 */
class GuestLibvirtOracleTest {
  static final String HEAD = "<domain type='kvm'><name>oracle</name><memory unit='GiB'>2</memory><vcpu>4</vcpu>";
  static final String OS = "<os><type>hvm</type></os>";

  @BeforeAll
  static void needsVirsh() {
    Oracles.require(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh (libvirt-clients) is not installed");
  }

  /** null when libvirt defines {@code xml}, else its error. */
  static String define(String xml) {
    try {
      Path f = Files.createTempFile("kvmsdk-guest", ".xml");
      try {
        Files.writeString(f, xml);
        Process p = new ProcessBuilder("virsh", "-q", "-c", "test:///default", "define", f.toString())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return "virsh timed out";
        }
        return p.exitValue() == 0 ? null : out.strip();
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void libvirtDefinesWhatTheGuestBuildersRender() {
    DomainSpec.Builder base = DomainSpec.builder().type("kvm").name("oracle").memory(Size.gib(2)).vcpu(Vcpu.of(4, 2));
    List<DomainSpec> specs = List.of(
        base.os(Os.hvm("x86_64", "q35").withBootOrder("cdrom", "hd"))
            .cpu(Cpu.hostPassthrough().withTopology(1, 2, 2))
            .features(Features.acpiApic().copy(f -> f.hyperv(FeaturesHyperv.recommended()).smm(FeaturesSmm.on())))
            .clock(Clock.localtime().withTimer(ClockTimer.of("rtc", "catchup")).withTimer(ClockTimer.present("hpet", false)))
            .build(),
        base.os(Os.uefiSecureBoot()).cpu(Cpu.custom("Skylake-Client").withFeature(CpuFeature.disable("hle"))
            .copy(b -> b.numa(CpuNuma.of(CpuNumaCell.of(0, "0-1", Size.gib(1)), CpuNumaCell.of(1, "2-3", Size.gib(1))))))
            .memoryBacking(MemoryBacking.ofHugepages(Size.mib(2)))
            .numatune(NumaTune.strict("0"))
            .cputune(CpuTune.pinned(0, 1, 0, 1).copy(b -> b.emulatorpin("0-1").period(100000L).quota(-1L)))
            .iothreadids(IoThreadIds.of(1, 2))
            .build(),
        base.os(Os.directKernel("/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0"))
            .addSysinfo(SysInfo.smbios().system(SysInfoSection.of(SysInfoEntry.of("manufacturer", "ACME"))).build())
            .pm(Pm.of(false, false)).addSeclabel(SecLabel.none())
            .blkiotune(BlkioTune.ofWeight(500)).memtune(MemTune.builder().hardLimit(Size.gib(3)).build())
            .build());
    List<String> refused = new ArrayList<>();
    for (DomainSpec s : specs) {
      String err = define(s.toXml());
      if (err != null) refused.add(err + "\n" + s.toXml());
    }
    assertThat(refused).isEmpty();
  }

  @Test
  void guestRulesRejectWhatLibvirtRejects() {
    Map<String, String> bad = Map.ofEntries(
        Map.entry("boot device", "<os><type>hvm</type><boot dev='usb'/></os>"),
        Map.entry("boot menu timeout", "<os><type>hvm</type><bootmenu enable='yes' timeout='70000'/></os>"),
        Map.entry("bios reboot timeout", "<os><type>hvm</type><bios rebootTimeout='70000'/></os>"),
        Map.entry("topology zero", OS + "<cpu><topology sockets='0' cores='2' threads='2'/></cpu>"),
        Map.entry("numa duplicate cell", OS + "<cpu><numa><cell id='0' cpus='0-1' memory='1' unit='GiB'/>"
            + "<cell id='0' cpus='2-3' memory='1' unit='GiB'/></numa></cpu>"),
        Map.entry("timer name", OS + "<clock offset='utc'><timer name='jiffies'/></clock>"),
        Map.entry("timer catchup", OS + "<clock offset='utc'><timer name='rtc' tickpolicy='delay'><catchup threshold='1'/></timer></clock>"),
        Map.entry("timezone missing", OS + "<clock offset='timezone'/>"),
        Map.entry("hugepage zero", OS + "<memoryBacking><hugepages><page size='0' unit='KiB'/></hugepages></memoryBacking>"),
        Map.entry("duplicate vcpupin", OS + "<cputune><vcpupin vcpu='1' cpuset='0'/><vcpupin vcpu='1' cpuset='1'/></cputune>"),
        Map.entry("period", OS + "<cputune><period>10</period></cputune>"),
        Map.entry("quota", OS + "<cputune><quota>5</quota></cputune>"),
        Map.entry("shares", OS + "<cputune><shares>1</shares></cputune>"),
        Map.entry("fifo without priority", OS + "<cputune><vcpusched vcpus='0' scheduler='fifo'/></cputune>"),
        Map.entry("cpuset syntax", OS + "<cputune><vcpupin vcpu='1' cpuset='1-2-3'/></cputune>"),
        Map.entry("cpuset range exclusion", OS + "<cputune><vcpupin vcpu='1' cpuset='^1-3,0-5'/></cputune>"),
        Map.entry("spinlock retries", OS + "<features><hyperv mode='custom'><spinlocks state='on' retries='100'/></hyperv></features>"),
        Map.entry("vendor_id length", OS + "<features><hyperv mode='custom'><vendor_id state='on' value='ThirteenChars'/></hyperv></features>"),
        Map.entry("dirty ring size", OS + "<features><kvm><dirty-ring state='on' size='3000'/></kvm></features>"),
        Map.entry("gic version", OS + "<features><gic version='4'/></features>"),
        Map.entry("duplicate iothread", OS + "<iothreadids><iothread id='1'/><iothread id='1'/></iothreadids>"),
        Map.entry("iothread zero", OS + "<iothreadids><iothread id='0'/></iothreadids>"),
        Map.entry("thread pool", OS + "<iothreadids><iothread id='1' thread_pool_min='8' thread_pool_max='2'/></iothreadids>"),
        Map.entry("duplicate memnode", OS + "<cpu><numa><cell id='0' cpus='0-3' memory='2' unit='GiB'/></numa></cpu>"
            + "<numatune><memnode cellid='0' mode='strict' nodeset='0'/><memnode cellid='0' mode='strict' nodeset='0'/></numatune>"));
    List<String> disagreements = new ArrayList<>();
    for (Map.Entry<String, String> c : bad.entrySet()) {
      String xml = HEAD + c.getValue() + "</domain>";
      boolean weReject;
      try {
        DomainSpec.fromXml(xml);
        weReject = false;
      } catch (InvalidSpecException e) {
        weReject = true;
      }
      boolean libvirtRejects = define(xml) != null;
      if (!weReject || !libvirtRejects) {
        disagreements.add(c.getKey() + ": we " + (weReject ? "reject" : "accept") + ", libvirt " + (libvirtRejects ? "rejects" : "accepts"));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void libvirtAcceptsWhatTheGuestRulesDeliberatelyAllow() {
    List<String> allowed = List.of(
        OS + "<cpu><topology sockets='1' cores='2' threads='1'/></cpu>",        // topology below the vCPU count
        OS + "<cputune><vcpupin vcpu='5' cpuset='0'/></cputune>",              // pin of a missing vCPU: ignored
        OS + "<cputune><shares>0</shares><period>0</period><quota>-5</quota></cputune>",
        OS + "<blkiotune><weight>5000</weight></blkiotune>",
        OS + "<cputune><vcpupin vcpu='1' cpuset='0, 2'/></cputune>");
    List<String> disagreements = new ArrayList<>();
    for (String body : allowed) {
      String xml = HEAD + body + "</domain>";
      try {
        DomainSpec.fromXml(xml);
      } catch (InvalidSpecException e) {
        disagreements.add("we reject " + body + ": " + e.getMessage());
      }
      String err = define(xml);
      if (err != null) disagreements.add("libvirt rejects " + body + ": " + err);
    }
    assertThat(disagreements).isEmpty();
  }
}
