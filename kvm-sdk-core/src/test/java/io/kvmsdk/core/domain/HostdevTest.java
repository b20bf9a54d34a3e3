package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import org.junit.jupiter.api.Test;

class HostdevTest {
  @Test
  void pciPassthroughFromAHostAddress() {
    Hostdev h = Hostdev.pci("0000:03:00.1").bootOrder(2);
    HostdevSourceAddress a = h.source().flatMap(HostdevSource::address).orElseThrow();
    assertThat(a.domain()).contains("0x0000");
    assertThat(a.bus()).contains("0x03");
    assertThat(a.slot()).contains("0x00");
    assertThat(a.function()).contains("0x1");
    assertThat(h.managed()).contains(true);
    assertThat(h.bootOrder()).contains(2);
    Devices devs = Devices.builder().addHostdev(h).addHostdev(Hostdev.usb("0x1234", "0xbeef"))
        .addHostdev(Hostdev.mdev("c2177883-f1bb-47f0-914d-32a22e3a8804", "vfio-pci")).build();
    assertThat(DiskTestXml.roundTrip(devs)).isEqualTo(devs);
    assertThat(DiskTestXml.schemaErrors(devs)).isNull();
    assertThat(DiskTestXml.domain(devs).toXml()).contains("<address domain='0x0000' bus='0x03' slot='0x00' function='0x1'/>",
        "<vendor id='0x1234'/>", "<product id='0xbeef'/>");
  }

  @Test
  void malformedPciAddressNamesTheField() {
    assertThatThrownBy(() -> Hostdev.pci("03-00-1"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("source/address");
          assertThat(e.rule()).contains("'03-00-1'");
        });
  }

  @Test
  void parsesScsiIscsiAndCapabilitySources() {
    Devices devs = DiskTestXml.parseDevices(
        "<hostdev mode='subsystem' type='scsi' managed='no' sgio='unfiltered' rawio='yes'>"
        + "<source><adapter name='scsi_host0'/><address bus='0' target='0' unit='0'/></source><readonly/><shareable/></hostdev>"
        + "<hostdev mode='subsystem' type='scsi'><source protocol='iscsi' name='iqn.2014-08.com.example:iscsi-nopool/1'>"
        + "<host name='example.com' port='3260'/><auth username='myname'><secret type='iscsi' usage='mycluster_myname'/></auth>"
        + "<initiator><iqn name='iqn.2020-07.com.example:test'/></initiator></source></hostdev>"
        + "<hostdev mode='capabilities' type='storage'><source><block>/dev/sdf1</block></source></hostdev>"
        + "<hostdev mode='subsystem' type='pci' managed='yes'><driver name='vfio'/><source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source>"
        + "<rom bar='off' file='/etc/fake/boot.bin'/><teaming type='transient' persistent='ua-backup0'/></hostdev>");
    assertThat(devs.hostdevs().get(0).source().flatMap(HostdevSource::adapter)).contains("scsi_host0");
    assertThat(devs.hostdevs().get(0).readonly()).isTrue();
    assertThat(devs.hostdevs().get(1).source().flatMap(HostdevSource::initiator).flatMap(DiskInitiator::iqn)).contains("iqn.2020-07.com.example:test");
    assertThat(devs.hostdevs().get(2).source().flatMap(HostdevSource::block)).contains("/dev/sdf1");
    assertThat(devs.hostdevs().get(3).driverName()).contains("vfio");
    assertThat(devs.hostdevs().get(3).rom().flatMap(HostdevRom::bar)).contains(false);
    assertThat(DomainSpec.fromXml(DiskTestXml.domain(devs).toXml()).unmodeledPaths()).noneMatch(p -> p.contains("/hostdev"));
  }

  @Test
  void typeMustMatchTheMode() {
    assertThatThrownBy(() -> Hostdev.builder().mode("subsystem").type("storage").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@type");
          assertThat(e.rule()).contains("'storage'");
        });
    assertThatThrownBy(() -> Hostdev.builder().mode("subsystem").type("mdev").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@model"));
    assertThatThrownBy(() -> Hostdev.pci("0000:03:00.0").bootOrder(0))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@order"));
  }

  @Test
  void usbNeedsVendorAndProductAndScsiNeedsAnAdapter() {
    assertThatThrownBy(() -> HostdevSource.builder().vendor("0x1234").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("product"));
    assertThatThrownBy(() -> Hostdev.builder().mode("subsystem").type("scsi")
            .source(HostdevSource.builder().address(HostdevSourceAddress.builder().bus("0").target("0").unit("0").build()).build()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/adapter"));
  }

  @Test
  void romTuningNeedsAnEnabledRom() {
    assertThatThrownBy(() -> HostdevRom.builder().enabled(false).file("/x.bin").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@file"));
  }
}
