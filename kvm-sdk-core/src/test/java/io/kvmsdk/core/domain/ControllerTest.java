package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerTest {
  @Test
  void pciTopologyRendersAndRoundTripsSchemaValid() {
    Devices devs = Devices.builder()
        .addController(Controller.pci("pcie-root"))
        .addController(Controller.pci(1, "pcie-root-port").copy(b -> b.modelName("pcie-root-port")
            .target(ControllerTarget.builder().chassis(1).port("0x10").build())))
        .addController(Controller.usb("qemu-xhci").copy(b -> b.ports(15)))
        .addController(Controller.scsi(0, "virtio-scsi").copy(b -> b.driver(ControllerDriver.builder().queues(4).iothread(1).build())))
        .addController(Controller.virtioSerial(0))
        .build();
    String xml = DiskTestXml.domain(devs).toXml();
    assertThat(xml).contains("<controller type='pci' index='1' model='pcie-root-port'>", "<model name='pcie-root-port'/>",
        "<target chassis='1' port='0x10'/>", "<driver queues='4' iothread='1'/>");
    assertThat(DiskTestXml.roundTrip(devs)).isEqualTo(devs);
    assertThat(DiskTestXml.schemaErrors(devs)).isNull();
  }

  @Test
  void parsesPciHoleMasterAndNumaNode() {
    Devices devs = DiskTestXml.parseDevices(
        "<controller type='pci' index='0' model='pcie-root'><pcihole64 unit='KiB'>1048576</pcihole64></controller>"
        + "<controller type='pci' index='1' model='pcie-expander-bus'><model name='pxb-pcie'/><target busNr='254'><node>1</node></target></controller>"
        + "<controller type='usb' index='0' model='ich9-uhci1'><master startport='0'/></controller>");
    assertThat(devs.controllers().get(0).pcihole64()).contains(Size.kib(1048576));
    assertThat(devs.controllers().get(1).target().flatMap(ControllerTarget::node)).contains(1);
    assertThat(devs.controllers().get(1).target().flatMap(ControllerTarget::busNr)).contains(254);
    assertThat(devs.controllers().get(2).masterStartport()).contains(0);
  }

  @Test
  void indexMustNotBeNegative() {
    assertThatThrownBy(() -> Controller.pci(-1, "pci-bridge"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@index");
          assertThat(e.rule()).contains("-1");
        });
    assertThatThrownBy(() -> DiskTestXml.parseDevices("<controller type='pci' index='-1'/>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domain/devices/controller[1]/@index"));
  }

  @Test
  void pciTargetNumbersStayInLibvirtsRanges() {
    assertThatThrownBy(() -> ControllerTarget.builder().chassisNr(0).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@chassisNr");
          assertThat(e.rule()).contains("1-255");
        });
    assertThatThrownBy(() -> ControllerTarget.builder().port("0x100").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@port"));
    assertThatThrownBy(() -> DiskTestXml.parseDevices("<controller type='pci' index='1' model='pcie-expander-bus'><target busNr='255'/></controller>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domain/devices/controller[1]/target/@busNr"));
  }

  @Test
  void rootIndexXhciPortsAndVirtioScsiOnlyDriverOptionsAreTheQemuDrivers() {
    // libvirt's parser accepts them all (a pSeries guest has a pci-root per PHB): build() does too
    Controller root1 = Controller.pci(1, "pci-root");
    Controller xhci16 = Controller.usb("qemu-xhci").copy(b -> b.ports(16));
    Controller lsiQueues = Controller.scsi(0, "lsilogic").copy(b -> b.driver(ControllerDriver.builder().queues(4).build()));
    List<InvalidSpecException> p = DiskTestXml.qemu(Devices.builder().addControllers(Controller.pci(0, "pci-root"), root1, xhci16, lsiQueues).build());
    assertThat(p).extracting(InvalidSpecException::field).containsExactly(
        "domain/devices/controller[2]/@index", "domain/devices/controller[3]/@ports", "domain/devices/controller[4]/driver/@queues");
    assertThat(p.get(0).rule()).contains("index 0");
    Controller phb = Controller.pci(1, "pci-root").copy(b -> b.modelName("spapr-pci-host-bridge")
        .target(ControllerTarget.builder().index(1).build()));
    assertThat(DiskTestXml.qemu(Devices.builder().addControllers(Controller.pci(0, "pci-root"), phb).build())).as("a pSeries PHB").isEmpty();
    assertThat(Controller.scsi(0, "virtio-scsi").copy(b -> b.driver(ControllerDriver.builder().queues(4).build())).driver()).isPresent();
  }
}
