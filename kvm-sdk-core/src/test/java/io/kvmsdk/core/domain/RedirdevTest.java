package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** Redirdev, redirfilter, lease, smartcard, hub and nvram: the small storage-area devices. */
class RedirdevTest {
  @Test
  void smallDevicesRoundTripSchemaValid() {
    Devices devs = Devices.builder()
        .addRedirdev(Redirdev.spice())
        .addRedirdev(Redirdev.builder().bus("usb").type("tcp")
            .source(RedirdevSource.builder().mode("connect").host("localhost").service("4000").build()).protocol("raw").build())
        .addRedirfilter(Redirfilter.builder()
            .addUsbdev(RedirfilterUsbdev.builder().usbClass("0x08").vendor("0x1234").product("0xbeef").version("2.00").allow(true).build())
            .addUsbdev(RedirfilterUsbdev.denyAll()).build())
        .addLease(Lease.of("somearea", "thequickbrownfoxjumpedoverthelazydog", "/some/lease/path", 1024))
        .addSmartcard(Smartcard.builder().mode("host-certificates").addCertificates("cert1", "cert2", "cert3").database("/etc/pki/nssdb").build())
        .addHub(Hub.builder().type("usb").build())
        .build();
    assertThat(DiskTestXml.roundTrip(devs)).isEqualTo(devs);
    assertThat(DiskTestXml.schemaErrors(devs)).isNull();
    assertThat(DiskTestXml.domain(devs).toXml()).contains("<usbdev class='0x08' vendor='0x1234' product='0xbeef' version='2.00' allow='yes'/>",
        "<lockspace>somearea</lockspace>", "<target path='/some/lease/path' offset='1024'/>", "<certificate>cert2</certificate>");
  }

  @Test
  void redirfilterRuleNeedsAllowAndAValidClass() {
    assertThatThrownBy(() -> RedirfilterUsbdev.builder().vendor("0x1234").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@allow"));
    assertThatThrownBy(() -> RedirfilterUsbdev.builder().usbClass("0x100").allow(true).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@class");
          assertThat(e.rule()).contains("'0x100'");
        });
    assertThat(RedirfilterUsbdev.builder().usbClass("-1").allow(true).build().usbClass()).contains("-1");
  }

  @Test
  void redirdevIsUsbOnly() {
    assertThatThrownBy(() -> Redirdev.builder().bus("pci").type("spicevmc").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@bus"));
  }

  @Test
  void leaseNeedsKeyAndTargetPath() {
    assertThatThrownBy(() -> Lease.builder().lockspace("a").target(LeaseTarget.builder().path("/p").build()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("key"));
    assertThatThrownBy(() -> DiskTestXml.parseDevices("<lease><key>k</key></lease>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domain/devices/lease[1]/target/@path"));
  }

  @Test
  void hostCertificatesModeNeedsThreeCertificates() {
    assertThatThrownBy(() -> Smartcard.builder().mode("host-certificates").addCertificate("c1").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("certificate");
          assertThat(e.rule()).contains("got 1");
        });
    assertThatThrownBy(() -> Smartcard.builder().build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@mode"));
    assertThat(Smartcard.host().mode()).contains("host");
  }

  @Test
  void tcpRedirdevNeedsAHostPassthroughSmartcardATypeAndHubsAreUsb() {
    assertThatThrownBy(() -> Redirdev.builder().bus("usb").type("tcp").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@host"));
    assertThatThrownBy(() -> Smartcard.builder().mode("passthrough").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@type"));
    assertThatThrownBy(() -> Hub.builder().type("pci").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("'pci'"));
    assertThat(Hub.usb().type()).contains("usb");
  }
}
