package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.RelaxNg;
import org.junit.jupiter.api.Test;

class VideoTest {
  static DomainSpec parseDomain(String devices) {
    DomainSpec d = DomainSpec.fromXml(String.format(NicTest.BASE, devices));
    assertThat(d.unmodeledPaths()).noneMatch(p -> p.matches("domain/devices/(video|input|sound|audio).*"));
    String xml = d.toXml();
    assertThat(RelaxNg.of("domain").errors(xml)).as(xml).isNull();
    assertThat(DomainSpec.fromXml(xml)).isEqualTo(d);
    return d;
  }

  @Test
  void parsesModelAccelerationResolutionAndDriver() {
    DomainSpec d = parseDomain("<video><driver name='vhostuser' iommu='on' ats='on'/>"
        + "<model type='virtio' heads='1' primary='yes'><acceleration accel3d='yes' rendernode='/dev/dri/renderD128'/>"
        + "<resolution x='1920' y='1080'/></model><alias name='video0'/><acpi index='3'/></video>"
        + "<video><model type='qxl' ram='65536' vram='65536' vram64='131072' vgamem='16384' heads='1'/></video>");
    Video v = d.devices().videos().get(0);
    assertThat(v.model().flatMap(VideoModel::acceleration).flatMap(VideoAcceleration::accel3d)).contains(true);
    assertThat(v.model().flatMap(VideoModel::resolution).flatMap(VideoResolution::x)).contains(1920);
    assertThat(v.driver().flatMap(VideoDriver::name)).contains("vhostuser");
    assertThat(v.acpiIndex()).contains(3);
    assertThat(d.devices().videos().get(1).model().flatMap(VideoModel::vram64)).contains(131072);
  }

  @Test
  void factoryRendersModel() {
    DomainSpec d = DomainSpec.fromXml(String.format(NicTest.BASE, "")).copy(b -> b.devices(Devices.builder().addVideo(Video.virtio()).build()));
    assertThat(d.toXml()).contains("<model type='virtio'/>");
    assertThat(RelaxNg.of("domain").errors(d.toXml())).isNull();
  }

  @Test
  void resolutionNeedsBothAxes() {
    assertThatThrownBy(() -> Video.builder().model(VideoModel.of("vga").copy(m -> m.resolution(VideoResolution.builder().x(800).build()))).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("model/resolution"));
  }

  @Test
  void inputsTypedAndValidated() {
    DomainSpec d = parseDomain("<input type='tablet' bus='usb'/><input type='keyboard' bus='virtio' model='virtio'><driver iommu='on' packed='on'/></input>"
        + "<input type='passthrough' bus='virtio'><source evdev='/dev/input/event1'/></input>"
        + "<input type='evdev'><source dev='/dev/input/event1234' grab='all' repeat='on' grabToggle='ctrl-ctrl'/></input>");
    assertThat(d.devices().inputs().get(0)).isEqualTo(Input.tablet());
    assertThat(d.devices().inputs().get(1).driver().flatMap(InputDriver::packed)).contains(true);
    assertThat(d.devices().inputs().get(3).source().flatMap(InputSource::grabToggle)).contains("ctrl-ctrl");
    assertThat(d.devices().inputs().get(3).source().flatMap(InputSource::repeat)).contains(true);
    // libvirt defines an input without its source; QEMU cannot start it: validateFor says so
    assertThat(DiskTestXml.qemu(Devices.builder().addInputs(Input.of("passthrough", "virtio"), Input.builder().type("evdev").build()).build()))
        .extracting(InvalidSpecException::field).containsExactly("domain/devices/input[1]/source/@evdev", "domain/devices/input[2]/source/@dev");
  }

  @Test
  void soundAndAudioTypedAndValidated() {
    DomainSpec d = parseDomain("<sound model='ich9'><codec type='duplex'/><codec type='micro'/><audio id='1'/></sound>"
        + "<audio id='1' type='pulseaudio' timerPeriod='40' serverName='acme.example.org'>"
        + "<input mixingEngine='yes' fixedSettings='yes' voices='1' bufferLength='100' name='fish' streamName='food' latency='100'>"
        + "<settings frequency='44100' channels='2' format='s16'/></input>"
        + "<output mixingEngine='yes' fixedSettings='yes' voices='2' bufferLength='100'><settings frequency='22050' channels='4' format='f32'/></output>"
        + "</audio><audio id='2' type='oss' tryMMap='yes' exclusive='yes' dspPolicy='4'><input dev='/dev/dsp0' bufferCount='40' tryPoll='yes'/></audio>"
        + "<audio id='3' type='jack'><input serverName='fish' clientName='food' connectPorts='system:capture_[13]' exactName='yes'/></audio>"
        + "<audio id='4' type='sdl' driver='pulseaudio'/><audio id='5' type='file' path='audio.wav'/>");
    Sound s = d.devices().sounds().get(0);
    assertThat(s.codecs()).containsExactly(SoundCodec.of("duplex"), SoundCodec.of("micro"));
    assertThat(s.audioId()).contains(1);
    Audio a = d.devices().audios().get(0);
    assertThat(a.timerPeriod()).contains(40);
    assertThat(a.input().flatMap(AudioStream::settings).flatMap(AudioSettings::format)).contains("s16");
    assertThat(a.output().flatMap(AudioStream::voices)).contains(2);
    assertThat(d.devices().audios().get(1).dspPolicy()).contains(4);
    assertThat(d.devices().audios().get(2).input().flatMap(AudioStream::exactName)).contains(true);
    assertThatThrownBy(() -> Audio.of(0, "none"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@id"));
    assertThatThrownBy(() -> Sound.builder().build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@model"));
    assertThat(Sound.of("ich9").model()).contains("ich9");
  }
}
