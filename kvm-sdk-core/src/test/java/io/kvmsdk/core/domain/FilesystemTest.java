package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import org.junit.jupiter.api.Test;

class FilesystemTest {
  @Test
  void virtiofsShareRendersAndRoundTrips() {
    Filesystem fs = Filesystem.virtiofs("/srv/share", "share").copy(b -> b
        .binary(FilesystemBinary.builder().path("/usr/libexec/virtiofsd").xattr(true).cacheMode("always").sandboxMode("chroot")
            .lock(FilesystemBinaryLock.builder().posix(true).flock(true).build()).threadPoolSize(16).build())
        .readonly(true));
    Devices devs = Devices.builder().addFilesystem(fs).addFilesystem(Filesystem.mount("/srv/9p", "ninep")).build();
    String xml = DiskTestXml.domain(devs).toXml();
    assertThat(xml).contains("<filesystem type='mount' accessmode='passthrough'>", "<driver type='virtiofs'/>",
        "<source dir='/srv/share'/>", "<target dir='share'/>", "<lock posix='on' flock='on'/>", "<thread_pool size='16'/>");
    assertThat(DiskTestXml.roundTrip(devs)).isEqualTo(devs);
    assertThat(DiskTestXml.schemaErrors(devs)).isNull();
  }

  @Test
  void parsesQuotasAndSocketSource() {
    Devices devs = DiskTestXml.parseDevices(
        "<filesystem type='mount'><driver type='virtiofs' queue='1024'/><source socket='/tmp/sock'/><target dir='tag'/></filesystem>"
        + "<filesystem type='mount' accessmode='squash'><source dir='/a'/><target dir='/b'/>"
        + "<space_hard_limit unit='KiB'>1024</space_hard_limit><space_soft_limit unit='bytes'>512</space_soft_limit></filesystem>");
    assertThat(devs.filesystems().get(0).source().flatMap(FilesystemSource::socket)).contains("/tmp/sock");
    assertThat(devs.filesystems().get(0).driver().flatMap(FilesystemDriver::queue)).contains(1024);
    assertThat(devs.filesystems().get(1).spaceHardLimit()).contains(Size.kib(1024));
    assertThat(devs.filesystems().get(1).spaceSoftLimit()).contains(Size.bytes(512));
  }

  @Test
  void accessmodeIsOneOfLibvirts() {
    assertThatThrownBy(() -> Filesystem.mount("/a", "t").copy(b -> b.accessmode("open")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@accessmode");
          assertThat(e.rule()).contains("'open'");
        });
  }

  @Test
  void targetAndSourceAreRequiredAndVirtiofsIsPassthroughOnly() {
    assertThatThrownBy(() -> Filesystem.builder().type("mount").source(FilesystemSource.builder().dir("/a").build()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("target/@dir"));
    assertThatThrownBy(() -> Filesystem.builder().type("mount").targetDir("t").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source"));
    Filesystem mapped = Filesystem.virtiofs("/a", "t").copy(b -> b.accessmode("mapped"));   // libvirt's parser accepts it
    assertThat(DiskTestXml.qemu(Devices.builder().addFilesystem(mapped).build())).singleElement()
        .satisfies(e -> assertThat(e.rule()).contains("'mapped'"));
  }

  @Test
  void ramFilesystemNeedsUsage() {
    assertThatThrownBy(() -> Filesystem.builder().type("ram").source(FilesystemSource.builder().build()).targetDir("t").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@usage"));
  }
}
