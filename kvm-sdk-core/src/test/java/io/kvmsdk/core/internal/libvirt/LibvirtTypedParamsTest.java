package io.kvmsdk.core.internal.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.testing.Oracles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Migration parameters built with libvirt's own {@code virTypedParamsAdd*} and read back from native memory. */
class LibvirtTypedParamsTest {
  /** libvirt initialises itself (its thread-local error slot too) at the first connect: the adapter never builds parameters before one. */
  @BeforeAll static void libvirt() {
    boolean loaded;
    try (io.kvmsdk.core.Kvm kvm = io.kvmsdk.core.Kvm.connect("test:///default")) {
      loaded = kvm.isAlive() && LibvirtNative.INSTANCE != null;
    } catch (KvmException | UnsatisfiedLinkError | NoClassDefFoundError e) {
      loaded = false;
    }
    Oracles.require(loaded, "libvirt (libvirt0, libvirt-java, JNA) is not usable here");
  }

  @Test void eachKnownMigrationFieldGetsLibvirtsTypeWhateverTheJavaNumber() {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("bandwidth", 8);                        // an unsigned long long for libvirt, given as an Integer
    in.put("parallel.connections", 4L);            // an int for libvirt, given as a Long
    in.put("compression", List.of("xbzrle", "mt"));
    in.put("tls.destination", "hv2.example.org");
    in.put("custom.flag", true);
    try (LibvirtTypedParams.Built p = LibvirtTypedParams.build(in)) {
      assertThat(p.count).isEqualTo(6);
      assertThat(p.params.getInt(LibvirtTypedParams.FIELD_LENGTH)).as("bandwidth: VIR_TYPED_PARAM_ULLONG").isEqualTo(4);
      assertThat(p.params.getInt(LibvirtTypedParams.SIZE + LibvirtTypedParams.FIELD_LENGTH)).as("parallel.connections: INT").isEqualTo(1);
      Map<String, Object> back = LibvirtTypedParams.read(p.params, p.count);
      assertThat(back).containsEntry("bandwidth", 8L).containsEntry("parallel.connections", 4).containsEntry("tls.destination", "hv2.example.org")
          .containsEntry("custom.flag", true);
      // a field given twice reads back as its last value through a map: check both are there
      assertThat(p.params.getByteArray(2L * LibvirtTypedParams.SIZE, 11)).isEqualTo("compression".getBytes());
      assertThat(p.params.getByteArray(3L * LibvirtTypedParams.SIZE, 11)).isEqualTo("compression".getBytes());
    }
  }

  @Test void anEmptyMapIsNoParametersAndAnUnsupportedValueIsRefused() {
    try (LibvirtTypedParams.Built p = LibvirtTypedParams.build(Map.of())) {
      assertThat(p.count).isZero();
    }
    assertThatThrownBy(() -> LibvirtTypedParams.build(Map.of("bandwidth", new Object()))).isInstanceOf(KvmException.class)
        .hasMessageContaining("typed parameter 'bandwidth'");
    assertThatThrownBy(() -> LibvirtTypedParams.build(Map.of("compression", List.of(1)))).isInstanceOf(KvmException.class)
        .hasMessageContaining("a list holds strings only");
  }
}
