package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.kvmsdk.core.spi.NwFilterDriver;
import io.kvmsdk.core.spi.ObjectRef;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.libvirt.NetworkFilter;

/** The {@link NwFilterDriver} on libvirt: libvirt-java's {@code NetworkFilter}; JNA for listing and for bindings, which libvirt-java lacks. */
final class LibvirtNwFilters implements NwFilterDriver {
  private static final String KIND = "nwfilter", BINDING = "nwfilter binding";
  private final LibvirtSession session;

  LibvirtNwFilters(LibvirtSession session) { this.session = session; }

  @FunctionalInterface
  private interface FilterCall<T> {
    T apply(NetworkFilter f) throws org.libvirt.LibvirtException;
  }

  private <T> T onFilter(String op, String name, FilterCall<T> call) {
    return session.call(op + " nwfilter '" + name + "'", KIND, name, c -> {
      NetworkFilter f = c.networkFilterLookupByName(name);
      try {
        return call.apply(f);
      } finally {
        f.free();
      }
    });
  }

  @Override public ObjectRef define(String xml) {
    String name = LibvirtSession.definitionName(xml);
    return session.call("define nwfilter '" + name + "'", "definition", name, c -> {
      NetworkFilter f = c.networkFilterDefineXML(xml);
      try {
        return new ObjectRef(f.getName(), f.getUUIDString());
      } finally {
        f.free();
      }
    });
  }

  @Override public Optional<ObjectRef> lookup(String name) {
    return LibvirtSession.ifFound(KIND, () -> onFilter("look up", name, f -> new ObjectRef(f.getName(), f.getUUIDString())));
  }

  @Override public List<ObjectRef> list() {
    LibvirtNative n = LibvirtNative.INSTANCE;
    return session.callNative(c -> LibvirtNativeLists.read(session, c, "list nwfilters", n::virConnectListAllNWFilters,
        p -> new ObjectRef(n.virNWFilterGetName(p), LibvirtNativeLists.uuid(p, n::virNWFilterGetUUIDString)), n::virNWFilterFree));
  }

  @Override public String xml(String name) { return onFilter("get the XML of", name, NetworkFilter::getXMLDesc); }

  @Override public void undefine(String name) { onFilter("undefine", name, f -> { f.undefine(); return null; }); }

  // ------------------------------------------------------------------ bindings (JNA)

  /** Runs {@code call} on the binding of {@code portdev}, looked up and freed. */
  private <T> T onBinding(String op, String portdev, Function<Pointer, T> call) {
    return session.callNative(c -> {
      String what = op + " nwfilter binding '" + portdev + "'";
      LibvirtNative n = LibvirtNative.INSTANCE;
      Pointer b = n.virNWFilterBindingLookupByPortDev(session.pointer(c), portdev);
      if (b == null) throw session.failNative(c, what, BINDING, portdev);
      try {
        T r = call.apply(b);
        if (r == null) throw session.failNative(c, what, BINDING, portdev);
        return r;
      } finally {
        n.virNWFilterBindingFree(b);
      }
    });
  }

  @Override public String createBinding(String xml) {
    return session.callNative(c -> {
      LibvirtNative n = LibvirtNative.INSTANCE;
      Pointer b = n.virNWFilterBindingCreateXML(session.pointer(c), xml, 0);
      if (b == null) throw session.failNative(c, "create an nwfilter binding", "definition", "nwfilter binding");
      try {
        return n.virNWFilterBindingGetPortDev(b);
      } finally {
        n.virNWFilterBindingFree(b);
      }
    });
  }

  @Override public List<String> listBindings() {
    LibvirtNative n = LibvirtNative.INSTANCE;
    return session.callNative(c -> LibvirtNativeLists.read(session, c, "list nwfilter bindings", n::virConnectListAllNWFilterBindings,
        n::virNWFilterBindingGetPortDev, n::virNWFilterBindingFree));
  }

  @Override public Optional<String> bindingXml(String portdev) {
    return LibvirtSession.ifFound(BINDING, () -> onBinding("get the XML of", portdev, b -> {
      Pointer s = LibvirtNative.INSTANCE.virNWFilterBindingGetXMLDesc(b, 0);
      if (s == null) return null;
      try {
        return s.getString(0, "UTF-8");
      } finally {
        Native.free(Pointer.nativeValue(s));
      }
    }));
  }

  @Override public void deleteBinding(String portdev) {
    onBinding("delete", portdev, b -> LibvirtNative.INSTANCE.virNWFilterBindingDelete(b) < 0 ? null : Boolean.TRUE);
  }

  @Override public String toString() { return "LibvirtNwFilters[" + session.uri() + "]"; }
}
