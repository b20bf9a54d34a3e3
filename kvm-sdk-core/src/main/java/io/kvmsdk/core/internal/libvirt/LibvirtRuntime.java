package io.kvmsdk.core.internal.libvirt;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Finds out, without linking them, whether libvirt-java, JNA and the native libvirt library are
 * present. Uses reflection only, so this class loads even when both jars are absent.
 */
public final class LibvirtRuntime {
  private LibvirtRuntime() {}

  /** What is missing to talk to libvirt through {@code loader}, in words; empty when all is there. */
  public static Optional<String> missing(ClassLoader loader) { return missing(loader, "virt"); }

  /** Like {@link #missing(ClassLoader)}, with the native library name to probe (for tests). */
  public static Optional<String> missing(ClassLoader loader, String nativeLibrary) {
    if (!present("org.libvirt.Connect", loader)) {
      return Optional.of("the libvirt-java jar (org.libvirt:libvirt:0.5.4) is not on the class path; add it as a dependency"
          + (present("com.sun.jna.Native", loader) ? "" : ", together with JNA (net.java.dev.jna:jna:5.19.1)"));
    }
    if (!present("com.sun.jna.Native", loader)) {
      return Optional.of("the JNA jar (net.java.dev.jna:jna, 5.5.0 or later, e.g. 5.19.1) is not on the class path;"
          + " libvirt-java declares it 'provided', so add it as a dependency");
    }
    try {
      Class<?> lib = Class.forName("com.sun.jna.NativeLibrary", true, loader);
      lib.getMethod("getInstance", String.class).invoke(null, nativeLibrary);
      return Optional.empty();
    } catch (InvocationTargetException e) {
      Throwable c = e.getCause();
      return Optional.of("the native libvirt client library (lib" + nativeLibrary + ".so.0) cannot be loaded: install it"
          + " (Debian/Ubuntu: apt-get install libvirt0; Fedora/RHEL: dnf install libvirt-libs)"
          + (c == null ? "" : " [" + firstLine(c.getMessage()) + "]"));
    } catch (ReflectiveOperationException | LinkageError e) {
      return Optional.of("JNA cannot load native code: " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  private static boolean present(String cls, ClassLoader loader) {
    try {
      Class.forName(cls, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
