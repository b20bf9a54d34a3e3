package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.network.ovs.OvsMirror;
import io.kvmsdk.network.ovs.OvsSflow;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A spec built without a required field is refused naming the field in the SDK's words
 * ({@link io.kvmsdk.core.RequiredFields}), never with the generator's "Cannot build X, some of
 * required attributes are not set".
 */
class RequiredFieldsTest {
  @Test
  void aMissingFieldIsNamedByItsPath() {
    assertThatThrownBy(() -> VlanSpec.builder().build()).isInstanceOf(InvalidSpecException.class)
        .hasMessage("vlan/@parent: is required (and so is vlan/@id)");
    assertThatThrownBy(() -> VxlanSpec.builder().name("vx1").build()).isInstanceOf(InvalidSpecException.class).hasMessage("vxlan/@vni: is required");
    assertThatThrownBy(() -> OvsMirror.builder().name("m_1").addSelectSrcPort("vnet0").build()).isInstanceOf(InvalidSpecException.class)
        .hasMessage("mirror/@output_port: is required");
    assertThatThrownBy(() -> OvsSflow.builder().addTarget("127.0.0.1:6343").build()).isInstanceOf(InvalidSpecException.class)
        .hasMessage("sflow/@agent: is required");
  }

  /** Every public hand-declared {@code Builder} of the module with a public no-argument constructor, built empty. */
  @Test
  void everySpecOfNetworkSpeaksTheSdksLanguage() throws Exception {
    Path root = Path.of(VlanSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(p -> p.getFileName().toString().endsWith("$Builder.class")).toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.contains(".internal.") || name.contains(".Immutable")) continue;
        Class<?> c = Class.forName(name);
        if (!Modifier.isPublic(c.getModifiers()) || !Modifier.isPublic(c.getEnclosingClass().getModifiers())) continue;
        Constructor<?> ctor;
        try {
          ctor = c.getConstructor();
        } catch (NoSuchMethodException e) {
          continue;
        }
        Method build = c.getMethod("build");
        checked.add(c.getEnclosingClass().getSimpleName());
        try {
          build.invoke(ctor.newInstance());
        } catch (InvocationTargetException e) {
          Throwable t = e.getCause();
          if (String.valueOf(t.getMessage()).contains("required attributes are not set")) leaks.add(c.getEnclosingClass().getSimpleName() + ": " + t);
        }
      }
    }
    assertThat(checked).as("spec builders").contains("VlanSpec", "VxlanSpec", "VethSpec", "MacvtapSpec", "BridgePort", "BridgeSpec", "BondSpec",
        "OvsMirror", "OvsSflow", "NatGateway", "PortForward", "NftChain", "NftTable", "BirdConfig", "BgpNeighbor");
    assertThat(leaks).isEmpty();
  }
}
