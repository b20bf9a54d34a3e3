package io.kvmsdk.core.internal.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Oracles;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * libvirt-java and JNA are optional: with them hidden from a class loader, {@code Kvm.connect}
 * names what is missing, and rendering/parsing XML never touches them.
 */
class LibvirtRuntimeTest {
  static boolean isLibvirtJava(String entry) { return entry.contains("org/libvirt/libvirt") || entry.matches(".*libvirt-0\\.5\\.[0-9]+\\.jar"); }

  static boolean isJna(String entry) { return entry.contains("net/java/dev/jna") || entry.matches(".*jna-[0-9.]+\\.jar"); }

  /** The test class path without the entries {@code hide} matches, in a loader that sees nothing else. */
  static RecordingLoader loaderWithout(Predicate<String> hide) {
    List<URL> urls = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.isEmpty() || hide.test(e)) continue;
      try {
        urls.add(new File(e).toURI().toURL());
      } catch (MalformedURLException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return new RecordingLoader(urls.toArray(URL[]::new));
  }

  /** Loads child-first from its URLs and records every class name asked for. */
  static final class RecordingLoader extends URLClassLoader {
    final Set<String> requested = ConcurrentHashMap.newKeySet();

    RecordingLoader(URL[] urls) { super(urls, ClassLoader.getPlatformClassLoader()); }

    @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      requested.add(name);
      return super.loadClass(name, resolve);
    }
  }

  static String connectError(ClassLoader loader) throws Exception {
    Class<?> kvm = Class.forName("io.kvmsdk.core.Kvm", true, loader);
    try {
      Object k = kvm.getMethod("connect", String.class).invoke(null, "test:///default");
      kvm.getMethod("close").invoke(k);
      return null;
    } catch (InvocationTargetException e) {
      assertThat(e.getCause().getClass().getName()).isEqualTo("io.kvmsdk.core.KvmException");
      return e.getCause().getMessage();
    }
  }

  @Test void testClassPathIsVisible() {
    String cp = System.getProperty("java.class.path");
    assertThat(Arrays.stream(cp.split(File.pathSeparator)).anyMatch(LibvirtRuntimeTest::isLibvirtJava)).as(cp).isTrue();
    assertThat(Arrays.stream(cp.split(File.pathSeparator)).anyMatch(LibvirtRuntimeTest::isJna)).as(cp).isTrue();
  }

  @Test void connectNamesTheMissingLibvirtJavaJar() throws Exception {
    try (RecordingLoader l = loaderWithout(e -> isLibvirtJava(e) || isJna(e))) {
      assertThat(connectError(l)).contains("libvirt-java jar (org.libvirt:libvirt:0.5.4)").contains("JNA")
          .contains("test:///default");
    }
    try (RecordingLoader l = loaderWithout(LibvirtRuntimeTest::isLibvirtJava)) {
      assertThat(connectError(l)).contains("libvirt-java jar").doesNotContain("together with JNA");
    }
  }

  @Test void connectNamesTheMissingJnaJar() throws Exception {
    try (RecordingLoader l = loaderWithout(LibvirtRuntimeTest::isJna)) {
      assertThat(connectError(l)).contains("JNA jar (net.java.dev.jna:jna").doesNotContain("libvirt-java jar");
    }
  }

  @Test void namesAMissingNativeLibrary() {
    assertThat(LibvirtRuntime.missing(getClass().getClassLoader(), "virt-kvmsdk-absent"))
        .hasValueSatisfying(m -> assertThat(m).contains("native libvirt client library").contains("apt-get install libvirt0"));
  }

  @Test void everythingPresentHere() {
    Oracles.require(LibvirtRuntime.missing(getClass().getClassLoader()).isEmpty(), "libvirt0 is not installed");
    assertThat(LibvirtRuntime.missing(getClass().getClassLoader())).isEmpty();
  }

  @Test void renderingAndParsingXmlLoadsNoNativeBinding() throws Exception {
    try (RecordingLoader l = loaderWithout(e -> false)) {   // libvirt-java and JNA are there, but must stay untouched
      Class<?> spec = Class.forName("io.kvmsdk.core.domain.DomainSpec", true, l);
      Object d = spec.getMethod("fromXml", String.class).invoke(null,
          "<domain type='kvm'><name>x</name><memory unit='MiB'>64</memory><os><type>hvm</type></os>"
              + "<devices><disk type='file' device='disk'><source file='/x.qcow2'/><target dev='vda' bus='virtio'/></disk></devices></domain>");
      String xml = (String) spec.getMethod("toXml").invoke(d);
      assertThat(xml).contains("<name>x</name>");
      Method snap = Class.forName("io.kvmsdk.core.domain.SnapshotSpec", true, l).getMethod("fromXml", String.class);
      snap.invoke(null, "<domainsnapshot><name>s</name></domainsnapshot>");
      Method secret = Class.forName("io.kvmsdk.core.secret.SecretSpec", true, l).getMethod("fromXml", String.class);
      secret.invoke(null, "<secret ephemeral='no' private='yes'><usage type='ceph'><name>c</name></usage></secret>");

      assertThat(l.requested).contains("io.kvmsdk.core.domain.DomainSpec");   // the recorder works
      assertThat(l.requested).noneMatch(n -> n.startsWith("org.libvirt") || n.startsWith("com.sun.jna")
          || n.startsWith("io.kvmsdk.core.internal.libvirt"));
    }
  }
}
