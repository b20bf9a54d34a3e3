package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Serial ports, consoles, parallel ports and channels: every host type, target, log and the define-time rules. */
class CharDeviceTest {
  static final String BASE = "<domain type='kvm'><name>t</name><memory unit='KiB'>1048576</memory>"
      + "<os><type arch='x86_64' machine='q35'>hvm</type></os><devices/></domain>";

  static DomainSpec domain(Consumer<Devices.Builder> devices) {
    Devices.Builder b = Devices.builder();
    devices.accept(b);
    Devices d = b.build();
    return DomainSpec.fromXml(BASE).copy(s -> s.devices(d));
  }

  /** Renders, checks the schema, parses back and checks nothing fell into unmodeled. */
  static DomainSpec roundTrip(DomainSpec spec) {
    String xml = spec.toXml();
    assertThat(RelaxNg.of("domain").errors(xml)).as("schema errors of\n%s", xml).isNull();
    DomainSpec back = DomainSpec.fromXml(xml);
    assertThat(back).isEqualTo(spec);
    assertThat(devicePaths(back)).isEmpty();
    return back;
  }

  /** Unmodeled paths under {@code <devices>} (other parts of the base document are not this test's concern). */
  static java.util.List<String> devicePaths(DomainSpec spec) {
    return spec.unmodeledPaths().stream().filter(p -> p.startsWith("domain/devices")).collect(java.util.stream.Collectors.toList());
  }

  static InvalidSpecException parseError(String devicesXml) {
    String xml = BASE.replace("<devices/>", "<devices>" + devicesXml + "</devices>");
    try {
      DomainSpec.fromXml(xml);
    } catch (InvalidSpecException e) {
      return e;
    }
    throw new AssertionError("expected InvalidSpecException for " + devicesXml);
  }

  @Test
  void guestAgentIsTheStandardVirtioUnixChannel() {
    DomainSpec spec = domain(d -> d.addChannel(GuestAgent.channel()));
    String xml = spec.toXml();
    assertThat(xml).contains("<channel type='unix'>")
        .contains("<target type='virtio' name='org.qemu.guest_agent.0'/>")
        .doesNotContain("<source");
    assertThat(XmlSame.diff(xml, BASE.replace("<devices/>", "<devices><channel type='unix'>"
        + "<target type='virtio' name='org.qemu.guest_agent.0'/></channel></devices>"))).isNull();
    roundTrip(spec);
  }

  @Test
  void guestAgentWithExplicitSocketPath() {
    Channel c = GuestAgent.channel("/var/lib/libvirt/qemu/channel/target/web1.org.qemu.guest_agent.0");
    assertThat(c.source().flatMap(CharDevSource::mode)).contains("bind");
    assertThat(c.target().flatMap(CharDevTarget::name)).contains(GuestAgent.NAME);
    roundTrip(domain(d -> d.addChannel(c)));
  }

  @Test
  void everyHostTypeRoundTripsSchemaValid() {
    DomainSpec spec = domain(d -> d
        .addSerial(Serial.pty().withTarget(CharDevTarget.builder().type("isa-serial").port(0).model("isa-serial").build()))
        .addSerial(Serial.builder().type("file")
            .addSource(CharDevSource.builder().path("/tmp/serial.log").append(true)
                .addSeclabel(CharDevSeclabel.noRelabel("dac")).build())
            .target(CharDevTarget.port(1)).build())
        .addSerial(Serial.tcp(CharDevSource.connect("127.0.0.1", "2445").withReconnect(10), "telnet")
            .withTarget(CharDevTarget.port(2)))
        .addSerial(Serial.builder().type("tcp").addSource(CharDevSource.builder().mode("bind").host("0.0.0.0").service("5555").tls(true).build())
            .protocol("raw").build())
        .addSerial(Serial.builder().type("udp")
            .addSource(CharDevSource.bind("0.0.0.0", "2445"))
            .addSource(CharDevSource.connect("192.168.1.1", "2445")).build())
        .addSerial(Serial.of("unix", CharDevSource.unixConnect("/tmp/sock").withReconnect(5)))
        .addSerial(Serial.of("spiceport", CharDevSource.spiceport("org.qemu.console.serial.0")))
        .addSerial(Serial.of("nmdm", CharDevSource.builder().master("/dev/nmdm0A").slave("/dev/nmdm0B").build()))
        .addSerial(Serial.builder().type("null").build())
        .addSerial(Serial.builder().type("vc").build())
        .addSerial(Serial.of("dev", CharDevSource.path("/dev/ttyS0")).withLog("/var/log/libvirt/qemu/t-serial0.log"))
        .addSerial(Serial.of("pipe", CharDevSource.path("/tmp/mypipe")))
        .addSerial(Serial.unix("/tmp/foo").withTarget(CharDevTarget.builder().type("usb-serial").port(3).model("usb-serial").build()))
        .addConsole(Console.builder().type("stdio").target(CharDevTarget.of("serial", 0)).build())
        .addConsole(Console.virtio())
        .addParallel(Parallel.file("/tmp/parallel").withTarget(CharDevTarget.port(0)))
        .addChannel(Channel.unix("/tmp/guestfwd", "x").withTarget(CharDevTarget.guestfwd("10.0.2.1", 4600)))
        .addChannel(Channel.spicevmc())
        .addChannel(Channel.qemuVdagent(true, "client"))
        .addChannel(Channel.builder().type("pty").target(CharDevTarget.builder().type("virtio").name("arbitrary.port").state("connected").build()).build()));
    String xml = spec.toXml();
    assertThat(xml).contains("<source mode='connect' host='127.0.0.1' service='2445'>")
        .contains("<reconnect enabled='yes' timeout='10'/>")
        .contains("<protocol type='telnet'/>")
        .contains("<seclabel model='dac' relabel='no'/>")
        .contains("<log file='/var/log/libvirt/qemu/t-serial0.log'/>")
        .contains("<model name='isa-serial'/>")
        .contains("<clipboard copypaste='yes'/>")
        .contains("<mouse mode='client'/>")
        .contains("<target type='guestfwd' address='10.0.2.1' port='4600'/>");
    roundTrip(spec);
  }

  @Test
  void consolePtyKeepsTtyAttribute() {
    String xml = BASE.replace("<devices/>", "<devices><console type='pty' tty='/dev/pts/4'>"
        + "<source path='/dev/pts/4'/><target type='serial' port='0'/><alias name='serial0'/></console></devices>");
    DomainSpec spec = DomainSpec.fromXml(xml);
    Console c = spec.devices().consoles().get(0);
    assertThat(c.tty()).contains("/dev/pts/4");
    assertThat(c.alias()).contains("serial0");
    assertThat(c.target().flatMap(CharDevTarget::port)).contains(0);
    assertThat(XmlSame.diff(xml, spec.toXml())).isNull();
    assertThat(devicePaths(spec)).isEmpty();
  }

  @Test
  void tcpNeedsHostAndService() {
    assertThatThrownBy(() -> Serial.of("tcp", CharDevSource.builder().mode("bind").service("1").build()))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("source/@host");
          assertThat(e.rule()).contains("required for a tcp character device");
        });
    assertThatThrownBy(() -> Serial.of("tcp", CharDevSource.builder().host("h").build()))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@service"));
  }

  @Test
  void parseErrorsNameTheDevice() {
    InvalidSpecException e = parseError("<serial type='tcp'><source mode='bind' service='1'/></serial>");
    assertThat(e.field()).isEqualTo("domain/devices/serial[1]/source/@host");
    e = parseError("<serial type='pty'/><serial type='file'/>");
    assertThat(e.field()).isEqualTo("domain/devices/serial[2]/source/@path");
  }

  @Test
  void unixNeedsPathExceptForVirtioAndXenChannels() {
    assertThatThrownBy(() -> Serial.of("unix", CharDevSource.builder().mode("bind").build()))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@path"));
    assertThatThrownBy(() -> Channel.builder().type("unix").target(CharDevTarget.guestfwd("10.0.2.1", 4600)).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@path"));
    assertThat(Channel.builder().type("unix").target(CharDevTarget.builder().type("xen").name("x").build()).build().sources()).isEmpty();
  }

  @Test
  void reconnectOnlyInConnectModeAndNeedsTimeout() {
    assertThatThrownBy(() -> Serial.of("unix", CharDevSource.unixBind("/tmp/s").withReconnect(3)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("source/reconnect");
          assertThat(e.rule()).contains("connect mode");
        });
    assertThatThrownBy(() -> CharDevReconnect.builder().enabled(true).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@timeout"));
    assertThat(Serial.of("unix", CharDevSource.unixBind("/tmp/s").copy(b -> b.reconnect(CharDevReconnect.disabled())))
        .source().flatMap(CharDevSource::reconnect).flatMap(CharDevReconnect::enabled)).contains(false);
  }

  @Test
  void otherSourceRules() {
    assertThatThrownBy(() -> Serial.of("udp", CharDevSource.bind("0.0.0.0", "1")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("connect-mode source of a udp"));
    assertThatThrownBy(() -> Serial.of("spiceport", CharDevSource.spiceport("bad name!")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("'bad name!'"));
    assertThatThrownBy(() -> Serial.of("nmdm", CharDevSource.builder().master("/dev/nmdm0A").build()))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@slave"));
    assertThatThrownBy(() -> CharDevSource.builder().mode("listen").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).isEqualTo("must be 'bind' or 'connect', got 'listen'"));
    assertThat(CharDevLog.of("relative.log").file()).as("libvirt defines a relative log file").contains("relative.log");
  }

  @Test
  void channelTargetRules() {
    assertThatThrownBy(() -> CharDevTarget.builder().type("guestfwd").address("10.0.2.1").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@port"));
    assertThatThrownBy(() -> Channel.builder().type("spicevmc").target(CharDevTarget.builder().type("xen").build()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("target/@type");
          assertThat(e.rule()).isEqualTo("must be 'virtio' for a spicevmc channel, got 'xen'");
        });
    assertThat(CharDevTarget.builder().type("virtio").state("open").build().state()).as("libvirt ignores state when defining").contains("open");
    Channel vdagent = Channel.builder().type("qemu-vdagent").target(CharDevTarget.builder().type("guestfwd").address("10.0.0.1").port(1).build()).build();
    assertThat(DiskTestXml.qemu(Devices.builder().addChannel(vdagent).build())).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("domain/devices/channel[1]/target/@type"));
  }

  @Test
  void charDevicesShareOneView() {
    java.util.List<CharDev> all = java.util.List.of(Serial.file("/tmp/a"), Console.virtio(), Parallel.pty(), GuestAgent.channel());
    assertThat(all).extracting(c -> c.type().orElse("")).containsExactly("file", "pty", "pty", "unix");
    assertThat(all.get(0).source().flatMap(CharDevSource::path)).contains("/tmp/a");
    assertThat(all.get(3).source()).isEmpty();
  }

  @Test
  void withersLeaveTheOriginalAlone() {
    Serial s = Serial.pty();
    Serial logged = s.withLog("/var/log/s.log").withTarget(CharDevTarget.port(1));
    assertThat(s.log()).isEmpty();
    assertThat(logged.log().flatMap(CharDevLog::file)).contains("/var/log/s.log");
    assertThat(logged.target().flatMap(CharDevTarget::port)).contains(1);
    assertThat(logged.copy(b -> b.type("vc")).type()).contains("vc");
  }
}
