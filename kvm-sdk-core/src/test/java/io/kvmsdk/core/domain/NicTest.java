package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.RelaxNg;
import java.util.List;
import org.junit.jupiter.api.Test;

class NicTest {
  static final String BASE = "<domain type='kvm'><name>t</name><memory unit='KiB'>524288</memory>"
      + "<os><type arch='x86_64'>hvm</type></os><devices>%s</devices></domain>";

  static DomainSpec domainWith(Nic... nics) {
    return DomainSpec.fromXml(String.format(BASE, "")).copy(b -> b.devices(Devices.builder().interfaces(List.of(nics)).build()));
  }

  static Nic parse(String interfaceXml) {
    DomainSpec d = DomainSpec.fromXml(String.format(BASE, interfaceXml));
    assertThat(d.unmodeledPaths()).noneMatch(p -> p.startsWith("domain/devices/interface"));
    return d.devices().interfaces().get(0);
  }

  /** Renders, checks the schema, parses back and returns the XML. */
  static String roundTrip(Nic... nics) {
    DomainSpec d = domainWith(nics);
    String xml = d.toXml();
    assertThat(RelaxNg.of("domain").errors(xml)).as(xml).isNull();
    assertThat(DomainSpec.fromXml(xml)).isEqualTo(d);
    return xml;
  }

  @Test
  void bridgeWithVirtioMacVlanOpenvswitchAndMtu() {
    Nic nic = Nic.bridge("br0").virtio().mac("52:54:00:12:34:56").vlan(100).openvswitch().mtu(9000);
    assertThat(nic.type()).contains("bridge");
    assertThat(nic.source().flatMap(NicSource::bridge)).contains("br0");
    assertThat(nic.model()).contains("virtio");
    assertThat(nic.vlan().get().tags()).extracting(t -> t.id().get()).containsExactly(100);
    assertThat(nic.virtualport().flatMap(VirtualPort::type)).contains("openvswitch");
    assertThat(nic.toString()).startsWith("<interface type='bridge'>").contains("<source bridge='br0'/>");
    String xml = roundTrip(nic);
    assertThat(xml).contains("<interface type='bridge'>", "<source bridge='br0'/>", "<mac address='52:54:00:12:34:56'/>",
        "<tag id='100'/>", "<virtualport type='openvswitch'/>", "<model type='virtio'/>", "<mtu size='9000'/>");
  }

  @Test
  void factoriesForEachConnectionType() {
    String xml = roundTrip(
        Nic.network("default").virtio(),
        Nic.direct("eth0", "bridge"),
        Nic.vhostUser("/tmp/vhost1.sock"),
        Nic.user(),
        Nic.passt(),
        Nic.ethernet("mytap0"),
        Nic.hostdev(DeviceAddress.pci(0, 3, 7, 1)),
        Nic.vdpa("/dev/vhost-vdpa-0"));
    assertThat(xml).contains("<source network='default'/>", "<source dev='eth0' mode='bridge'/>",
        "<source type='unix' path='/tmp/vhost1.sock' mode='client'/>", "<backend type='passt'/>",
        "<target dev='mytap0'/>", "<interface type='hostdev' managed='yes'>",
        "<address type='pci' domain='0x0000' bus='0x03' slot='0x07' function='0x1'/>",
        "<source dev='/dev/vhost-vdpa-0'/>");
  }

  @Test
  void withersDeriveNewValuesAndKeepTheOriginal() {
    Nic base = Nic.network("default");
    Nic tuned = base.virtio().queues(4).bootOrder(1).targetDev("vnet7").filter("clean-traffic").bandwidth(1000, 128);
    assertThat(base.model()).isEmpty();
    assertThat(tuned.driver().flatMap(NicDriver::queues)).contains(4);
    assertThat(tuned.boot().flatMap(NicBoot::order)).contains(1);
    assertThat(tuned.filterref().flatMap(NicFilterRef::filter)).contains("clean-traffic");
    assertThat(tuned.bandwidth().flatMap(Bandwidth::inbound).flatMap(BandwidthRate::average)).contains(1000L);
    assertThat(tuned.queues(8).driver().flatMap(NicDriver::queues)).contains(8);
    roundTrip(tuned);
  }

  @Test
  void parsesEveryDocumentedChildTyped() {
    Nic nic = parse("<interface type='network' trustGuestRxFilters='yes'>"
        + "<mac address='00:11:22:33:44:55' type='static' check='no'/>"
        + "<source network='default' portgroup='engineering'/>"
        + "<vlan trunk='yes'><tag id='42'/><tag id='123' nativeMode='untagged'/></vlan>"
        + "<virtualport><parameters instanceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f' profileid='finance'/></virtualport>"
        + "<bandwidth><inbound average='1000' peak='5000' floor='200' burst='1024'/><outbound average='128' peak='256' burst='256'/></bandwidth>"
        + "<port isolated='yes'/>"
        + "<ip address='192.168.122.5' prefix='24' peer='10.0.0.10'/>"
        + "<route family='ipv4' address='192.168.122.0' prefix='24' gateway='192.168.122.1'/>"
        + "<target dev='vnet1' managed='no'/><guest dev='myeth'/>"
        + "<model type='virtio'/>"
        + "<driver name='vhost' txmode='iothread' ioeventfd='on' event_idx='off' queues='5' rx_queue_size='256' tx_queue_size='256' rss='on' rss_hash_report='on' iommu='on' packed='on'>"
        + "<host csum='off' gso='off' tso4='off' tso6='off' ecn='off' ufo='off' mrg_rxbuf='off'/>"
        + "<guest csum='off' tso4='off' tso6='off' ecn='off' ufo='off'/></driver>"
        + "<backend tap='/dev/net/tun' vhost='/dev/vhost-net'/>"
        + "<filterref filter='myfilter'><parameter name='IP' value='104.207.129.11'/><parameter name='IP6_MASK' value='64'/></filterref>"
        + "<tune><sndbuf>1600</sndbuf></tune>"
        + "<teaming type='persistent'/>"
        + "<link state='down'/><mtu size='1500'/>"
        + "<coalesce><rx><frames max='7'/></rx></coalesce>"
        + "<boot order='1'/><alias name='ua-backup0'/><acpi index='4'/><rom bar='on' file='/etc/fake/boot.bin'/>"
        + "</interface>");
    assertThat(nic.trustGuestRxFilters()).contains(true);
    assertThat(nic.mac().flatMap(NicMac::type)).contains("static");
    assertThat(nic.source().flatMap(NicSource::portgroup)).contains("engineering");
    assertThat(nic.vlan().get().trunk()).contains(true);
    assertThat(nic.vlan().get().tags().get(1).nativeMode()).contains("untagged");
    assertThat(nic.virtualport().flatMap(VirtualPort::parameters).flatMap(VirtualPortParameters::profileid)).contains("finance");
    assertThat(nic.bandwidth().flatMap(Bandwidth::inbound).flatMap(BandwidthRate::floor)).contains(200L);
    assertThat(nic.portIsolated()).contains(true);
    assertThat(nic.ips()).extracting(i -> i.peer().orElse(null)).containsExactly("10.0.0.10");
    assertThat(nic.routes().get(0).gateway()).contains("192.168.122.1");
    assertThat(nic.target().flatMap(NicTarget::managed)).contains(false);
    assertThat(nic.guest().flatMap(NicGuest::dev)).contains("myeth");
    NicDriver d = nic.driver().get();
    assertThat(d.txmode()).contains("iothread");
    assertThat(d.eventIdx()).contains(false);
    assertThat(d.rxQueueSize()).contains(256);
    assertThat(d.rssHashReport()).contains(true);
    assertThat(d.host().flatMap(NicDriverHost::mrgRxbuf)).contains(false);
    assertThat(d.guest().flatMap(NicDriverGuest::ufo)).contains(false);
    assertThat(nic.backend().flatMap(NicBackend::vhost)).contains("/dev/vhost-net");
    assertThat(nic.filterref().get().parameters()).containsExactly(NicFilterParameter.of("IP", "104.207.129.11"),
        NicFilterParameter.of("IP6_MASK", "64"));
    assertThat(nic.tune().flatMap(NicTune::sndbuf)).contains(1600L);
    assertThat(nic.teaming().flatMap(NicTeaming::type)).contains("persistent");
    assertThat(nic.linkState()).contains("down");
    assertThat(nic.mtu()).contains(1500);
    assertThat(nic.coalesce().flatMap(NicCoalesce::rx).flatMap(NicCoalesceRx::framesMax)).contains(7);
    assertThat(nic.alias()).contains("ua-backup0");
    assertThat(nic.acpiIndex()).contains(4);
    assertThat(nic.rom().flatMap(NicRom::bar)).contains(true);
    roundTrip(nic);
  }

  @Test
  void parsesSocketUdpVhostUserPasstAndVdsSources() {
    Nic udp = parse("<interface type='udp'><source address='127.0.0.1' port='11115'><local address='127.0.0.1' port='11116'/></source></interface>");
    assertThat(udp.source().flatMap(NicSource::local).flatMap(NicSourceLocal::port)).contains(11116);
    Nic vhu = parse("<interface type='vhostuser'><source type='unix' path='/tmp/vhost2.sock' mode='client'>"
        + "<reconnect enabled='yes' timeout='10'/></source><model type='virtio'/><driver queues='5'/></interface>");
    assertThat(vhu.source().flatMap(NicSource::reconnect).flatMap(NicSourceReconnect::timeout)).contains(10);
    Nic passt = parse("<interface type='user'><source dev='eth42'/>"
        + "<portForward proto='udp' address='1.2.3.4' dev='eth0'><range start='5000' end='5020' to='6000'/><range start='5010' end='5015' exclude='yes'/></portForward>"
        + "<backend type='passt' logFile='/var/log/passt.log'/></interface>");
    assertThat(passt.portForwards().get(0).ranges()).extracting(r -> r.exclude().orElse(false)).containsExactly(false, true);
    assertThat(passt.backend().flatMap(NicBackend::logFile)).contains("/var/log/passt.log");
    Nic eth = parse("<interface type='ethernet'><source><ip address='192.168.125.1' family='ipv4' prefix='24' peer='192.168.125.2'/>"
        + "<route family='ipv4' address='10.20.0.0' prefix='16' gateway='192.168.125.2'/></source><script path='/etc/qemu-ifup'/>"
        + "<downscript path='/etc/qemu-ifdown'/></interface>");
    assertThat(eth.source().get().ips().get(0).prefix()).contains(24);
    assertThat(eth.downscript()).contains("/etc/qemu-ifdown");
    Nic vds = parse("<interface type='vds'><mac address='52:54:00:22:c9:42'/><source switchid='12345678-1234-1234-1234-123456789abc' "
        + "portid='6' portgroupid='pg-4321' connectionid='12345'/></interface>");
    assertThat(vds.source().flatMap(NicSource::portgroupid)).contains("pg-4321");
    roundTrip(udp, vhu, passt, eth, vds);
  }

  @Test
  void builderTakesMacAsString() {
    Nic nic = Nic.builder().type("user").mac("52:54:00:aa:bb:cc").build();
    assertThat(nic.mac().flatMap(NicMac::address)).contains("52:54:00:aa:bb:cc");
    assertThatThrownBy(() -> Nic.builder().type("user").mac("ff:ff:ff:ff:ff:ff").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("mac/@address"));
  }

  @Test
  void hostdevUsbSourceRoundTrips() {
    DomainSpec d = DomainSpec.fromXml(String.format(BASE, "<interface type='hostdev'><source><vendor id='0x1234'/><product id='0xbeef'/>"
        + "<address type='usb' bus='1' device='2'/></source></interface>"));
    Nic nic = d.devices().interfaces().get(0);
    assertThat(nic.source().flatMap(NicSource::vendorId)).contains("0x1234");
    assertThat(nic.source().flatMap(NicSource::deviceAddress).flatMap(DeviceAddress::bus)).contains("1");
    assertThat(DomainSpec.fromXml(d.toXml())).isEqualTo(d);
  }

  @Test
  void rejectsMulticastMac() {
    assertThatThrownBy(() -> Nic.bridge("br0").mac("01:00:5e:00:00:01"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("mac/@address");
          assertThat(e.rule()).contains("unicast").contains("01:00:5e:00:00:01");
        });
  }

  @Test
  void rejectsMalformedMacWithTheDocumentPath() {
    assertThatThrownBy(() -> DomainSpec.fromXml(String.format(BASE,
        "<interface type='network'><source network='default'/></interface><interface type='user'><mac address='52:54:00:zz:00:01'/></interface>")))
        .isInstanceOfSatisfying(InvalidSpecException.class,
            e -> assertThat(e.field()).isEqualTo("domain/devices/interface[2]/mac/@address"));
  }

  @Test
  void rejectsVlanIdOutOfRange() {
    assertThatThrownBy(() -> Nic.bridge("br0").vlan(4096))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("vlan/tag[1]/@id");
          assertThat(e.rule()).contains("0..4095").contains("4096");
        });
    assertThat(Nic.bridge("br0").vlan(4095).vlan().get().tags().get(0).id()).contains(4095);
    assertThatThrownBy(() -> Nic.bridge("br0").copy(b -> b.vlan(Vlan.builder().build())))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("vlan/tag"));
    assertThatThrownBy(() -> Nic.bridge("br0").copy(b -> b.vlan(Vlan.trunk(1, 2).copy(v -> v.trunk(false)))))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("vlan/@trunk"));
  }

  @Test
  void zeroMtuAndQueuesMeanTheDefaultAsInLibvirt() {
    assertThat(Nic.bridge("br0").mtu(0).mtu()).contains(0);
    assertThat(Nic.user().virtio().queues(0).driver().flatMap(NicDriver::queues)).contains(0);
  }

  @Test
  void bandwidthRules() {
    assertThatThrownBy(() -> Nic.network("default").bandwidth(-1, 10))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("bandwidth/inbound/@average"));
    assertThatThrownBy(() -> Nic.network("default").copy(b -> b.bandwidth(Bandwidth.builder()
        .outbound(BandwidthRate.builder().peak(10L).build()).build())))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("bandwidth/outbound"));
    assertThatThrownBy(() -> Nic.network("default").copy(b -> b.bandwidth(Bandwidth.builder()
        .outbound(BandwidthRate.builder().floor(10L).peak(10L).build()).build())))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("bandwidth/outbound/@average"));
    assertThat(Nic.network("default").copy(b -> b.bandwidth(Bandwidth.builder()
        .inbound(BandwidthRate.builder().floor(200L).build()).build())).bandwidth()).isPresent();
  }

  @Test
  void typeRequiresItsSource() {
    assertThatThrownBy(() -> Nic.builder().type("bridge").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("source/@bridge");
          assertThat(e.rule()).contains("'bridge'");
        });
    assertThatThrownBy(() -> Nic.builder().type("network").source(NicSource.builder().bridge("br0").build()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@network"));
    assertThatThrownBy(() -> Nic.builder().type("udp").source(NicSource.builder().address("127.0.0.1").build()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@port"));
    assertThatThrownBy(() -> Nic.direct("eth0", "bridged"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@mode"));
  }

  @Test
  void otherRules() {
    assertThatThrownBy(() -> Nic.user().model("virtio net"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("model/@type"));
    assertThatThrownBy(() -> Nic.user().copy(b -> b.teaming(NicTeaming.builder().type("transient").build())))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("teaming/@persistent"));
    assertThatThrownBy(() -> Nic.user().copy(b -> b.acpiIndex(0)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("acpi/@index"));
    assertThat(DiskTestXml.qemu(Devices.builder().addInterface(Nic.user().copy(b -> b.acpiIndex(16384))).build()))
        .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("domain/devices/interface[1]/acpi/@index"));
  }
}
