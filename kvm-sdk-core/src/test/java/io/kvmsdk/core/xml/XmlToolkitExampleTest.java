package io.kvmsdk.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import java.util.Optional;
import org.immutables.value.Value;
import org.junit.jupiter.api.Test;

/** The package documentation's example, as a feature module would write its own document. */
class XmlToolkitExampleTest {
  @Value.Immutable
  @io.kvmsdk.core.KvmStyle
  public abstract static class Primitive {
    public abstract Optional<String> id();

    public abstract Optional<String> type();

    @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

    @Value.Check protected void check() {
      if (id().isEmpty()) throw new InvalidSpecException("primitive/@id", "is required");
    }

    public static class Builder extends ImmutablePrimitive.Builder {}
  }

  static final ElementCodec<Primitive, Primitive.Builder> PRIMITIVE =
      ElementCodec.of("primitive", Primitive.Builder::new, Primitive.Builder::build, Primitive::unmodeled, Primitive.Builder::unmodeled)
          .attr("id", Primitive::id, Primitive.Builder::id)
          .attr("type", Primitive::type, Primitive.Builder::type);

  static final XmlDocument<Primitive> DOC = XmlDocument.of(PRIMITIVE);

  @Test void keepsWhatItDoesNotTypeAndRendersItBack() {
    Primitive p = DOC.parse("<primitive id='vm1' class='ocf' type='VirtualDomain'/>");
    assertThat(p.id()).contains("vm1");
    assertThat(DOC.unmodeledPaths(p)).containsExactly("primitive/@class");
    assertThat(DOC.render(p)).isEqualTo("<primitive id='vm1' type='VirtualDomain' class='ocf'/>\n");
  }

  @Test void refusesWithTheFieldAndTheRule() {
    assertThatThrownBy(() -> DOC.parse("<primitive type='VirtualDomain'/>"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("primitive/@id").hasMessageContaining("is required");
    assertThatThrownBy(() -> DOC.parse("<group id='g'/>"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("root element must be <primitive>");
    assertThatThrownBy(() -> DOC.parse("<!DOCTYPE x [<!ENTITY e 'x'>]><primitive id='&e;'/>"))
        .isInstanceOf(InvalidSpecException.class);
  }
}
