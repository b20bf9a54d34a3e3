package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HostCapabilities#fromXml} and {@link DomainCapabilities#fromXml} under {@link Fuzz}: a typed refusal or a stable re-render. */
class CapabilitiesFuzzTest {
  static final String HOST = """
      <capabilities>
        <host>
          <uuid>a0a2fa2c-1b7e-4a5b-9a0d-0c2d2e3f4a5b</uuid>
          <cpu>
            <arch>x86_64</arch>
            <model>Haswell-noTSX</model>
            <vendor>Intel</vendor>
            <topology sockets='1' dies='1' cores='2' threads='2'/>
            <feature name='vmx'/>
            <pages unit='KiB' size='4'/>
            <pages unit='KiB' size='2048'/>
          </cpu>
          <power_management><suspend_mem/></power_management>
          <migration_features><live/><uri_transports><uri_transport>tcp</uri_transport></uri_transports></migration_features>
          <topology>
            <cells num='1'>
              <cell id='0'>
                <memory unit='KiB'>8000000</memory>
                <pages unit='KiB' size='4'>2000000</pages>
                <distances><sibling id='0' value='10'/></distances>
                <cpus num='2'><cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0'/><cpu id='1' socket_id='0' die_id='0' core_id='1' siblings='1'/></cpus>
              </cell>
            </cells>
          </topology>
          <secmodel><model>none</model><doi>0</doi></secmodel>
        </host>
        <guest>
          <os_type>hvm</os_type>
          <arch name='x86_64'>
            <wordsize>64</wordsize>
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
            <machine maxCpus='255'>pc-i440fx-7.2</machine>
            <machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>
            <domain type='qemu'/>
            <domain type='kvm'/>
          </arch>
          <features><acpi default='on' toggle='yes'/><cpuselection/></features>
        </guest>
      </capabilities>
      """;

  static final String DOMAIN = """
      <domainCapabilities>
        <path>/usr/bin/qemu-system-x86_64</path>
        <domain>kvm</domain>
        <machine>pc-q35-7.2</machine>
        <arch>x86_64</arch>
        <vcpu max='255'/>
        <iothreads supported='yes'/>
        <os supported='yes'>
          <enum name='firmware'><value>efi</value></enum>
          <loader supported='yes'><value>/usr/share/OVMF/OVMF_CODE.fd</value><enum name='type'><value>rom</value><value>pflash</value></enum></loader>
        </os>
        <cpu>
          <mode name='host-passthrough' supported='yes'/>
          <mode name='custom' supported='yes'><model usable='yes' vendor='Intel'>Haswell</model></mode>
        </cpu>
        <devices>
          <disk supported='yes'><enum name='diskDevice'><value>disk</value><value>cdrom</value></enum></disk>
          <graphics supported='yes'><enum name='type'><value>vnc</value></enum></graphics>
        </devices>
        <features><gic supported='no'/><vmcoreinfo supported='yes'/></features>
      </domainCapabilities>
      """;

  static List<String> seeds(String inline, String kind) {
    List<String> out = new ArrayList<>(List.of(inline));
    out.addAll(Fuzz.corpus(kind));
    return out;
  }

  @Test void hostCapabilities() {
    Fuzz.xml("capabilities", HostCapabilities::fromXml, HostCapabilities::toXml).seeds(seeds(HOST, "capabilities"))
        .words("x86_64", "hvm", "KiB", "kvm", "qemu", "yes", "no", "on", "off").cases(1500).run();
  }

  @Test void domainCapabilities() {
    Fuzz.xml("domainCapabilities", DomainCapabilities::fromXml, DomainCapabilities::toXml).seeds(seeds(DOMAIN, "domaincaps"))
        .words("x86_64", "kvm", "yes", "no", "value", "enum", "supported").cases(1500).run();
  }
}
