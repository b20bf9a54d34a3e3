package io.kvmsdk.core.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.NicFilterParameter;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code <filterbinding>}: round trips of bindings as libvirt writes them and as people write them,
 * the builder, the create-time rules libvirt applies (refused at build and parse) and the ones it
 * does not (refused by validate()), each proven against the real libvirtd's nwfilter-binding-create.
 */
class NwFilterBindingTest {
  static final String UUID = "d54df46f-1ab5-4a22-8618-4560ef5fac2c";

  static List<String> files() throws IOException {
    List<String> out = new ArrayList<>();
    for (String f : List.of("simple.xml", "filter-vars.xml", "written-by-hand.xml")) {
      try (InputStream in = NwFilterBindingTest.class.getResourceAsStream("/nwfilter/bindings/" + f)) {
        out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static NwFilterBindingSpec built() {
    return NwFilterBindingSpec.builder().owner("web1", UUID).portdev("kvmsdk-vnet9").mac("52:54:00:11:22:33")
        .filter("clean-traffic", NicFilterParameter.of("IP", "10.0.0.5"), NicFilterParameter.of("IP", "10.0.0.6")).build();
  }

  @Test
  void bindingsRoundTripFullyTypedAndSchemaValid() throws IOException {
    RelaxNg rng = RelaxNg.of("nwfilterbinding");
    for (String x : files()) {
      NwFilterBindingSpec b = NwFilterBindingSpec.fromXml(x);
      String out = b.toXml();
      assertThat(XmlSame.diff(x, out)).isNull();
      assertThat(rng.errors(x)).isNull();
      assertThat(rng.errors(out)).isNull();
      assertThat(b.unmodeledPaths()).isEmpty();
      assertThat(NwFilterBindingSpec.fromXml(out)).isEqualTo(b);
      b.validate();
    }
    NwFilterBindingSpec vars = NwFilterBindingSpec.fromXml(files().get(1));
    assertThat(vars.portdev()).isEqualTo("vnet1");
    assertThat(vars.filter()).isEqualTo("clean-traffic");
    assertThat(vars.linkdev()).contains("eth0");
    assertThat(vars.mac()).isEqualTo("52:54:00:7B:35:93");
    assertThat(vars.owner().name()).contains("memtest");
    assertThat(vars.parameters()).hasSize(4);
  }

  @Test
  void theBuilderReadsAsTheXml() {
    NwFilterBindingSpec b = built();
    assertThat(RelaxNg.of("nwfilterbinding").errors(b.toXml())).isNull();
    assertThat(b.filter()).isEqualTo("clean-traffic");
    assertThat(b.copy(x -> x.portdev("vnet3")).portdev()).isEqualTo("vnet3");
    assertThat(NwFilterBindingSpec.fromXml(b.toXml())).isEqualTo(b);
    assertThatThrownBy(() -> NwFilterBindingSpec.builder().owner("web1", UUID).mac("52:54:00:11:22:33").filter("f").build())
        .isInstanceOf(InvalidSpecException.class).hasMessage("filterbinding/portdev/@name: is required");
    assertThatThrownBy(() -> built().copy(x -> x.mac("52:54:00:11:22")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("filterbinding/mac/@address: must be a MAC address such as 52:54:00:ab:cd:ef, got '52:54:00:11:22'");
  }

  enum Placement { CHECK, VALIDATE }

  record Case(Placement placement, String field, String xml) {}

  static String binding(String owner, String portdev, String mac, String filterref) {
    return "<filterbinding>" + owner + portdev + mac + filterref + "</filterbinding>";
  }

  static final String OWNER = "<owner><name>web1</name><uuid>" + UUID + "</uuid></owner>";
  static final String MAC = "<mac address='52:54:00:11:22:33'/>";
  static final String REF = "<filterref filter='clean-traffic'/>";

  static List<Case> cases() {
    return List.of(
        new Case(Placement.CHECK, "filterbinding/owner/name", binding("<owner><uuid>" + UUID + "</uuid></owner>", "<portdev name='PORT'/>", MAC, REF)),
        new Case(Placement.CHECK, "filterbinding/owner/uuid", binding("<owner><name>web1</name></owner>", "<portdev name='PORT'/>", MAC, REF)),
        new Case(Placement.CHECK, "filterbinding/owner/uuid", binding("<owner><name>web1</name><uuid>d54df46f-1ab5</uuid></owner>", "<portdev name='PORT'/>", MAC, REF)),
        new Case(Placement.CHECK, "filterbinding/portdev/@name", binding(OWNER, "", MAC, REF)),
        new Case(Placement.CHECK, "filterbinding/mac/@address", binding(OWNER, "<portdev name='PORT'/>", "<mac address='52-54-00-11-22-33'/>", REF)),
        new Case(Placement.CHECK, "filterbinding/mac/@address", binding(OWNER, "<portdev name='PORT'/>", "", REF)),
        new Case(Placement.CHECK, "filterbinding/filterref/@filter", binding(OWNER, "<portdev name='PORT'/>", MAC, "<filterref filter=''/>")),
        new Case(Placement.CHECK, "filterbinding/filterref", binding(OWNER, "<portdev name='PORT'/>", MAC, "")),
        new Case(Placement.VALIDATE, "filterbinding/filterref/parameter[1]/@name",
            binding(OWNER, "<portdev name='PORT'/>", MAC, "<filterref filter='f'><parameter name='I P' value='1'/></filterref>")),
        new Case(Placement.VALIDATE, "filterbinding/filterref/parameter[2]/@value",
            binding(OWNER, "<portdev name='PORT'/>", MAC, "<filterref filter='f'><parameter name='IP' value='1'/><parameter name='IP' value='10.0.0.1/24'/></filterref>")),
        new Case(Placement.VALIDATE, "filterbinding/description", binding(OWNER, "<portdev name='PORT'/><description>x</description>", MAC, REF)));
  }

  @Test
  void kvmSdkPlacesEachRule() {
    for (Case c : cases()) {
      String xml = c.xml().replace("PORT", "vnet0");
      if (c.placement() == Placement.CHECK) {
        InvalidSpecException e = catchThrowableOfType(() -> NwFilterBindingSpec.fromXml(xml), InvalidSpecException.class);
        assertThat(e).as(xml).isNotNull();
        assertThat(e.field()).as(xml).isEqualTo(c.field());
      } else {
        NwFilterBindingSpec b = NwFilterBindingSpec.fromXml(xml);
        InvalidSpecException e = catchThrowableOfType(b::validate, InvalidSpecException.class);
        assertThat(e).as(xml).isNotNull();
        assertThat(e.field()).isEqualTo(c.field());
      }
    }
  }

  @Test
  void libvirtCreatesWhatKvmSdkBuildsAndRefusesWhatItsChecksRefuse() throws IOException {
    String uri = Virsh.uri();
    NwFilterBindingSpec b = built();
    Virsh.Result r = Virsh.createBinding(uri, b.portdev(), b.toXml());
    assertThat(r.ok()).as(r.out()).isTrue();
    NwFilterBindingSpec back = NwFilterBindingSpec.fromXml(r.out());
    assertThat(back.unmodeledPaths()).isEmpty();
    assertThat(back).isEqualTo(b);
    for (String x : files()) {
      NwFilterBindingSpec f = NwFilterBindingSpec.fromXml(x).copy(y -> y.portdev("kvmsdk-bind"));
      Virsh.Result rf = Virsh.createBinding(uri, "kvmsdk-bind", f.toXml());
      assertThat(rf.ok()).as(rf.out()).isTrue();
      assertThat(NwFilterBindingSpec.fromXml(rf.out()).unmodeledPaths()).isEmpty();
    }
    int i = 0;
    for (Case c : cases()) {
      String port = "kvmsdk-case" + i++;
      Virsh.Result rc = Virsh.createBinding(uri, port, c.xml().replace("PORT", port));
      assertThat(rc.ok()).as(c.field() + ": " + rc.out()).isEqualTo(c.placement() == Placement.VALIDATE);
    }
  }
}
