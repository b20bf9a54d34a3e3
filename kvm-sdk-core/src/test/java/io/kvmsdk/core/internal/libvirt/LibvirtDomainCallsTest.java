package io.kvmsdk.core.internal.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.spi.DomainDriver;
import io.kvmsdk.core.spi.ObjectRef;
import io.kvmsdk.core.testing.Oracles;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libvirt.Connect;

/**
 * The domain lifecycle on libvirt's test driver through both bindings of {@link LibvirtDomainCalls}:
 * JNA direct mapping, and the interface mapping {@link LibvirtDomainCalls#bind} falls back to when
 * direct mapping cannot register. Both must behave the same, errors included.
 */
class LibvirtDomainCallsTest {
  static final String URI = "test:///default";

  @BeforeAll static void libvirt() {
    Oracles.require(LibvirtRuntime.missing(Kvm.class.getClassLoader()).isEmpty(),
        "libvirt is not usable here: " + LibvirtRuntime.missing(Kvm.class.getClassLoader()).orElse(""));
  }

  static LibvirtDomainCalls binding(String which) {
    Supplier<LibvirtDomainCalls> unavailable = () -> {
      throw new UnsatisfiedLinkError("direct mapping refused (test)");
    };
    return which.equals("direct") ? LibvirtDomainCalls.bind() : LibvirtDomainCalls.bind(unavailable);
  }

  static String xml(String name) {
    return "<domain type='test'><name>" + name + "</name><memory unit='MiB'>64</memory><os><type>hvm</type></os></domain>";
  }

  @Test void directMappingIsUsedWhenItRegistersAndInterfaceMappingWhenItDoesNot() {
    assertThat(binding("direct")).isInstanceOf(LibvirtDomainCalls.Direct.class);
    assertThat(binding("fallback")).isNotInstanceOf(LibvirtDomainCalls.Direct.class);
    Supplier<LibvirtDomainCalls> failingInit = () -> {
      throw new ExceptionInInitializerError("register failed (test)");
    };
    assertThat(LibvirtDomainCalls.bind(failingInit)).isNotInstanceOf(LibvirtDomainCalls.Direct.class);
  }

  @ParameterizedTest @ValueSource(strings = {"direct", "fallback"})
  void aLifecycleRound(String which) {
    LibvirtHypervisor h = LibvirtHypervisor.open(URI, binding(which));
    try {
      DomainDriver domains = h.domains();
      String name = "calls-" + which + "-" + UUID.randomUUID().toString().substring(0, 8);
      ObjectRef ref = domains.define(xml(name));
      assertThat(ref.name()).isEqualTo(name);
      assertThat(ref.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(domains.lookup(name)).map(ObjectRef::uuid).contains(ref.uuid());
      assertThat(domains.state(name)).isEqualTo(DomainState.SHUTOFF);
      domains.start(name);
      assertThat(domains.state(name)).isEqualTo(DomainState.RUNNING);
      domains.suspend(name);
      assertThat(domains.state(name)).isEqualTo(DomainState.PAUSED);
      domains.resume(name);
      assertThat(domains.isActive(name)).isTrue();
      domains.destroy(name);
      assertThat(domains.state(name)).isEqualTo(DomainState.SHUTOFF);
      domains.undefine(name, Set.of());
      assertThat(domains.lookup(name)).isEmpty();
      assertThatThrownBy(() -> domains.start(name)).isInstanceOfSatisfying(NotFoundException.class, e -> {
        assertThat(e.kind()).isEqualTo("domain");
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.getCause()).isInstanceOfSatisfying(LibvirtException.class, le -> assertThat(le.codeNumber()).isEqualTo(42));
      });
    } finally {
      h.close();
    }
  }

  @ParameterizedTest @ValueSource(strings = {"direct", "fallback"})
  void failuresAreLibvirtsErrorsMapped(String which) {
    LibvirtHypervisor h = LibvirtHypervisor.open(URI, binding(which));
    String name = "calls-bad-" + which + "-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      DomainDriver domains = h.domains();
      domains.define(xml(name));
      domains.start(name);
      assertThatThrownBy(() -> domains.resume(name)).isInstanceOfSatisfying(LibvirtException.class, e -> {
        assertThat(e.code()).isEqualTo("VIR_ERR_INTERNAL_ERROR");
        assertThat(e.errorDomain()).isEqualTo("VIR_FROM_TEST");
        assertThat(e.getMessage()).startsWith("resume domain '" + name + "' failed: ").contains("not paused");
        assertThat(e.retryable()).isFalse();
      });
      String clash = xml(name).replace("</name>", "</name><uuid>" + UUID.randomUUID() + "</uuid>");
      assertThatThrownBy(() -> domains.define(clash)).isInstanceOfSatisfying(LibvirtException.class, e -> {
        assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_FAILED");
        assertThat(e.getMessage()).startsWith("define domain '" + name + "' failed: ").contains("already exists with uuid");
      });
      assertThatThrownBy(() -> domains.create("<domain type='test'><name>x</name></domain>"))
          .isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.getMessage()).startsWith("create domain 'x' failed: "));
      domains.destroy(name);
    } finally {
      h.domains().undefine(name, Set.of());
      h.close();
    }
  }

  /** The kept handle holds the old UUID: libvirt answers VIR_ERR_NO_DOMAIN, the name is looked up again and the new domain acted on. */
  @ParameterizedTest @ValueSource(strings = {"direct", "fallback"})
  void aDomainRedefinedElsewhereIsTheOneActedOn(String which) throws Exception {
    LibvirtHypervisor h = LibvirtHypervisor.open(URI, binding(which));
    LibvirtHypervisor other = LibvirtHypervisor.open(URI);
    String name = "calls-again-" + which + "-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      String old = h.domains().define(xml(name)).uuid();
      other.domains().undefine(name, Set.of());
      String fresh = other.domains().define(xml(name)).uuid();
      assertThat(fresh).isNotEqualTo(old);
      h.domains().start(name);
      assertThat(other.domains().state(name)).isEqualTo(DomainState.RUNNING);
      h.domains().destroy(name);
      h.domains().undefine(name, Set.of());
      assertThat(other.domains().lookup(name)).isEmpty();
    } finally {
      other.close();
      h.close();
    }
  }

  /** The define that knows the name reads back only the UUID: the same one libvirt formats, generated or given (uppercase, undashed). */
  @ParameterizedTest @ValueSource(strings = {"direct", "fallback"})
  void defineWithTheNameReadsBackLibvirtsUuid(String which) throws Exception {
    LibvirtHypervisor h = LibvirtHypervisor.open(URI, binding(which));
    Connect raw = new Connect(URI, true);
    String name = "calls-named-" + which + "-" + UUID.randomUUID().toString().substring(0, 8);
    String given = UUID.randomUUID().toString();
    String named = name + "-given";
    try {
      ObjectRef ref = h.domains().define(xml(name), name);
      assertThat(ref.name()).isEqualTo(name);
      assertThat(ref.uuid()).isEqualTo(raw.domainLookupByName(name).getUUIDString());
      ObjectRef withUuid = h.domains().define(xml(named).replace("</name>", "</name><uuid>" + given.toUpperCase(Locale.ROOT).replace("-", "") + "</uuid>"), named);
      assertThat(withUuid.uuid()).isEqualTo(given).isEqualTo(raw.domainLookupByName(named).getUUIDString());
      h.domains().start(name);   // the handle kept by the define
      assertThat(raw.domainLookupByName(name).isActive()).isEqualTo(1);
      h.domains().destroy(name);
    } finally {
      h.domains().undefine(name, Set.of());
      h.domains().undefine(named, Set.of());
      raw.close();
      h.close();
    }
  }

  /** The create that knows the name starts a transient domain and reads back only its UUID; a clash is libvirt's refusal. */
  @ParameterizedTest @ValueSource(strings = {"direct", "fallback"})
  void createWithTheNameStartsATransientDomainAndReadsBackItsUuid(String which) throws Exception {
    LibvirtHypervisor h = LibvirtHypervisor.open(URI, binding(which));
    Connect raw = new Connect(URI, true);
    String name = "calls-created-" + which + "-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      ObjectRef ref = h.domains().create(xml(name), name);
      assertThat(ref.name()).isEqualTo(name);
      assertThat(ref.uuid()).isEqualTo(raw.domainLookupByName(name).getUUIDString());
      assertThat(raw.domainLookupByName(name).isActive()).isEqualTo(1);
      assertThat(raw.domainLookupByName(name).isPersistent()).isZero();
      assertThatThrownBy(() -> h.domains().create(xml(name), name)).isInstanceOfSatisfying(LibvirtException.class,
          e -> assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_FAILED"));
      h.domains().destroy(name);   // the handle kept by the create
      assertThat(h.domains().lookup(name)).isEmpty();
    } finally {
      raw.close();
      h.close();
    }
  }

  /** Documents go as UTF-8 C strings: through the thread's buffer (grown), and past its limit through one of their own. */
  @Test void documentsOfEverySizeAndScriptArriveWhole() throws Exception {
    LibvirtHypervisor h = LibvirtHypervisor.open(URI, binding("direct"));
    Connect raw = new Connect(URI, true);
    String small = "calls-w\u00e9b-\u4e2d-" + UUID.randomUUID().toString().substring(0, 8);
    String big = "calls-big-" + UUID.randomUUID().toString().substring(0, 8);
    String description = "\u00e9".repeat(LibvirtDomainCalls.Direct.KEEP);   // 2 bytes each in UTF-8: past the limit
    String medium = "x".repeat(LibvirtDomainCalls.Direct.KEEP / 2);            // grows the thread's buffer
    String bigXml = xml(big).replace("</name>", "</name><uuid>" + UUID.randomUUID() + "</uuid>");   // redefined: same UUID
    try {
      h.domains().define(xml(small), small);
      assertThat(raw.domainLookupByName(small).getName()).isEqualTo(small);
      h.domains().define(bigXml.replace("</name>", "</name><description>" + description + "</description>"), big);
      assertThat(raw.domainLookupByName(big).getXMLDesc(0)).contains(description);
      h.domains().define(bigXml.replace("</name>", "</name><description>" + medium + "</description>"), big);
      assertThat(raw.domainLookupByName(big).getXMLDesc(0)).contains(medium).doesNotContain("\u00e9");
      h.domains().define(bigXml, big);   // shorter than what the buffer held: the NUL ends it
      assertThat(raw.domainLookupByName(big).getXMLDesc(0)).doesNotContain("<description>");
    } finally {
      h.domains().undefine(small, Set.of());
      h.domains().undefine(big, Set.of());
      raw.close();
      h.close();
    }
  }

  @Test void uuidsAreFormattedAsLibvirtFormatsThem() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 1000; i++) {
      byte[] b = new byte[16];
      random.nextBytes(b);
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
      assertThat(LibvirtDomains.uuidString(b)).isEqualTo(new UUID(buf.getLong(), buf.getLong()).toString());
    }
  }
}
