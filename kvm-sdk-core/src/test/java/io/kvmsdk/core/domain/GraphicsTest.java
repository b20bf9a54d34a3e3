package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.RelaxNg;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphicsTest {
  static DomainSpec domainWith(Graphics... g) {
    return DomainSpec.fromXml(String.format(NicTest.BASE, "")).copy(b -> b.devices(Devices.builder().graphics(List.of(g)).build()));
  }

  static Graphics parse(String xml) {
    DomainSpec d = DomainSpec.fromXml(String.format(NicTest.BASE, xml));
    assertThat(d.unmodeledPaths()).noneMatch(p -> p.startsWith("domain/devices/graphics"));
    return d.devices().graphics().get(0);
  }

  static String roundTrip(Graphics... g) {
    DomainSpec d = domainWith(g);
    String xml = d.toXml();
    assertThat(RelaxNg.of("domain").errors(xml)).as(xml).isNull();
    assertThat(DomainSpec.fromXml(xml)).isEqualTo(d);
    return xml;
  }

  @Test
  void vncAndSpiceFactories() {
    String xml = roundTrip(Graphics.vnc().listenAddress("127.0.0.1"), Graphics.spice(), Graphics.vnc().fixedPort(5901));
    assertThat(xml).contains("<graphics type='vnc' autoport='yes' listen='127.0.0.1'>", "<listen type='address' address='127.0.0.1'/>",
        "<graphics type='spice' autoport='yes'/>", "<graphics type='vnc' port='5901' autoport='no'/>");
  }

  @Test
  void passwordNeverInToStringButRenderedToLibvirt() {
    Graphics g = Graphics.vnc().password("s3cr3t-Pa55");
    assertThat(g.passwd()).contains("s3cr3t-Pa55");
    assertThat(g.toString()).doesNotContain("s3cr3t-Pa55").contains("<graphics type='vnc'", "passwd='****'");
    DomainSpec d = domainWith(g);
    assertThat(d.toString()).doesNotContain("s3cr3t-Pa55");
    assertThat(d.toXml()).contains("passwd='s3cr3t-Pa55'");
    Graphics parsed = parse("<graphics type='spice' port='5903' autoport='no' passwd='hunter2' passwdValidTo='2010-04-09T15:51:00' connected='disconnect'/>");
    assertThat(parsed.toString()).doesNotContain("hunter2");
    assertThat(parsed.passwd()).contains("hunter2");
  }

  @Test
  void passwordNotInValidationErrors() {
    assertThatThrownBy(() -> Graphics.vnc().password("hunter2").copy(b -> b.listen("127.0.0.1").addListen(GraphicsListen.address("0.0.0.0"))))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(DiskTestXml.qemu(Devices.builder().addGraphics(Graphics.vnc().password("hunter2").fixedPort(5800)).build()))
        .singleElement().satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void parsesSpiceChildrenTyped() {
    Graphics g = parse("<graphics type='spice' port='-1' tlsPort='-1' autoport='yes' defaultMode='secure' keymap='en-us'>"
        + "<listen type='network' network='rednet'/>"
        + "<channel name='main' mode='secure'/><channel name='record' mode='insecure'/>"
        + "<image compression='auto_glz'/><jpeg compression='auto'/><zlib compression='never'/><playback compression='on'/>"
        + "<streaming mode='filter'/><clipboard copypaste='no'/><mouse mode='client'/><filetransfer enable='no'/>"
        + "<gl enable='yes' rendernode='/dev/dri/by-path/pci-0000:00:02.0-render'/></graphics>");
    assertThat(g.tlsPort()).contains(-1);
    assertThat(g.listens().get(0).network()).contains("rednet");
    assertThat(g.channels()).containsExactly(GraphicsChannel.of("main", "secure"), GraphicsChannel.of("record", "insecure"));
    assertThat(g.imageCompression()).contains("auto_glz");
    assertThat(g.playbackCompression()).contains(true);
    assertThat(g.clipboardCopypaste()).contains(false);
    assertThat(g.mouseMode()).contains("client");
    assertThat(g.filetransferEnable()).contains(false);
    assertThat(g.gl().flatMap(GraphicsGl::enable)).contains(true);
    roundTrip(g);
  }

  @Test
  void parsesOtherTypes() {
    Graphics sdl = parse("<graphics type='sdl' display=':0.1' xauth='/root/.Xauthority' fullscreen='yes'><gl enable='no'/></graphics>");
    assertThat(sdl.fullscreen()).contains(true);
    Graphics dbus = parse("<graphics type='dbus' p2p='yes'><gl enable='yes'/><audio id='1'/></graphics>");
    assertThat(dbus.audioId()).contains(1);
    Graphics vnc = parse("<graphics type='vnc' port='5900' autoport='no' sharePolicy='force-shared' websocket='5700' powerControl='yes'/>");
    Graphics vncSocket = parse("<graphics type='vnc' socket='/tmp/vnc.sock'/>");
    assertThat(vncSocket.socket()).contains("/tmp/vnc.sock");
    assertThat(vnc.powerControl()).contains(true);
    assertThat(vnc.websocket()).contains(5700);
    Graphics rdp = parse("<graphics type='rdp' autoport='yes' multiUser='yes' replaceUser='no'/>");
    assertThat(rdp.multiUser()).contains(true);
    Graphics egl = parse("<graphics type='egl-headless'><gl rendernode='/dev/dri/renderD128'/></graphics>");
    assertThat(egl.gl().flatMap(GraphicsGl::rendernode)).contains("/dev/dri/renderD128");
    roundTrip(sdl, dbus, vnc, vncSocket, rdp, egl);
  }

  @Test
  void portRangesAreCheckedWhenTheGuestStarts() {
    // libvirt defines these; QEMU's command line refuses them at start: validateFor says so
    List<InvalidSpecException> p = DiskTestXml.qemu(Devices.builder().addGraphics(Graphics.vnc().fixedPort(5800),
        Graphics.spice().copy(b -> b.tlsPort(70000))).build());
    assertThat(p).extracting(InvalidSpecException::field).containsExactly("domain/devices/graphics[1]/@port", "domain/devices/graphics[2]/@tlsPort");
    assertThat(p.get(0).rule()).contains("5900..65535").contains("5800");
    assertThat(DiskTestXml.qemu(Devices.builder().addGraphics(Graphics.vnc().fixedPort(-1), Graphics.vnc().fixedPort(65535)).build())).isEmpty();
    DomainSpec parsed = DomainSpec.fromXml(String.format(NicTest.BASE, "<graphics type='vnc' port='80' autoport='no'/>"));
    assertThat(parsed.problemsFor(DiskTestXml.KVM)).extracting(InvalidSpecException::field).containsExactly("domain/devices/graphics[1]/@port");
  }

  @Test
  void listenAttributeMustMatchFirstListenAddress() {
    assertThatThrownBy(() -> Graphics.vnc().listenAddress("127.0.0.1").copy(b -> b.listen("0.0.0.0")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@listen");
          assertThat(e.rule()).contains("127.0.0.1").contains("0.0.0.0");
        });
    assertThatThrownBy(() -> Graphics.spice().copy(b -> b.addListen(GraphicsListen.builder().type("network").build())))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("listen[1]/@network"));
    assertThatThrownBy(() -> Graphics.builder().build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@type"));
  }
}
