package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.spi.LifecycleDriver;
import io.kvmsdk.core.spi.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * The {@link LifecycleDriver} shape on libvirt, once for every kind that has it (networks, storage
 * pools, domains): each kind says in one line per verb which libvirt-java call it is, this class does
 * the rest (the session, looking the object up, freeing it, naming it in errors).
 *
 * @param <O> libvirt-java's object type ({@code Network}, {@code StoragePool}, {@code Domain})
 */
abstract class LibvirtLifecycle<O> implements LifecycleDriver {
  final LibvirtSession session;
  /** How the SDK names the kind in errors and {@link io.kvmsdk.core.NotFoundException#kind()}: {@code network}, {@code storage pool}, ... */
  final String kind;

  LibvirtLifecycle(LibvirtSession session, String kind) {
    this.session = session;
    this.kind = kind;
  }

  /** A libvirt-java call on one object. */
  @FunctionalInterface
  interface ObjectCall<O, T> {
    T apply(O object) throws org.libvirt.LibvirtException;
  }

  /** A libvirt-java call that makes an object from a definition. */
  @FunctionalInterface
  interface Make<O> {
    O apply(LibvirtConnect c, String xml) throws org.libvirt.LibvirtException;
  }

  // ------------------------------------------------------------------ the kind's calls

  abstract O lookupByName(LibvirtConnect c, String name) throws org.libvirt.LibvirtException;

  abstract void free(O o) throws org.libvirt.LibvirtException;

  abstract ObjectRef ref(O o) throws org.libvirt.LibvirtException;

  abstract O defineXml(LibvirtConnect c, String xml) throws org.libvirt.LibvirtException;

  abstract O createXml(LibvirtConnect c, String xml) throws org.libvirt.LibvirtException;

  abstract List<ObjectRef> listAll(LibvirtConnect c) throws org.libvirt.LibvirtException;

  abstract String xmlDesc(O o, boolean inactive) throws org.libvirt.LibvirtException;

  abstract void start(O o) throws org.libvirt.LibvirtException;

  abstract void destroy(O o) throws org.libvirt.LibvirtException;

  abstract void undefine(O o) throws org.libvirt.LibvirtException;

  abstract boolean isActive(O o) throws org.libvirt.LibvirtException;

  abstract boolean isPersistent(O o) throws org.libvirt.LibvirtException;

  abstract boolean autostart(O o) throws org.libvirt.LibvirtException;

  abstract void setAutostart(O o, boolean autostart) throws org.libvirt.LibvirtException;

  // ------------------------------------------------------------------ plumbing a kind may refine

  /** Runs {@code call} on the object named {@code name}: looked up, used, freed (the domain adapter keeps handles instead). */
  <T> T on(String op, String name, ObjectCall<O, T> call) {
    return session.call(op + " " + kind + " '" + name + "'", kind, name, c -> {
      O o = lookupByName(c, name);
      try {
        return call.apply(o);
      } finally {
        free(o);
      }
    });
  }

  /** What happens to an object a define, create or lookup returned once its reference is read: freed (or kept). */
  void release(LibvirtConnect c, String name, O o) throws org.libvirt.LibvirtException { free(o); }

  /** The name of a definition, only for error messages. */
  String nameOf(String xml) { return LibvirtSession.definitionName(xml); }

  private ObjectRef made(String verb, String xml, Make<O> make) {
    String name = nameOf(xml);
    return session.call(verb + " " + kind + " '" + name + "'", "definition", name, c -> {
      return refOf(c, make.apply(c, xml));
    });
  }

  /** The reference of a fresh object, which is then {@link #release released}. */
  private ObjectRef refOf(LibvirtConnect c, O o) throws org.libvirt.LibvirtException {
    ObjectRef ref;
    try {
      ref = ref(o);
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      free(o);
      throw e;
    }
    release(c, ref.name(), o);
    return ref;
  }

  private void onVoid(String op, String name, ObjectCall<O, ?> call) { on(op, name, call); }

  // ------------------------------------------------------------------ LifecycleDriver

  @Override public ObjectRef define(String xml) { return made("define", xml, this::defineXml); }

  @Override public ObjectRef create(String xml) { return made("create", xml, this::createXml); }

  @Override public Optional<ObjectRef> lookup(String name) {
    return LibvirtSession.ifFound(kind, () -> session.call("look up " + kind + " '" + name + "'", kind, name, c -> refOf(c, lookupByName(c, name))));
  }

  @Override public List<ObjectRef> list() { return session.call("list " + kind + "s", "connection", session.uri(), this::listAll); }

  /**
   * {@code virXGetXMLDesc}; a driver without separate inactive definitions (libvirt's test driver refuses the
   * {@code INACTIVE} flag as "unsupported flags") gives the one definition it has.
   */
  @Override public String xml(String name, boolean inactive) {
    return on("get the XML of", name, o -> {
      if (!inactive) return xmlDesc(o, false);
      try {
        return xmlDesc(o, true);
      } catch (org.libvirt.LibvirtException e) {
        if (e.getError() == null || e.getError().getCode() != org.libvirt.Error.ErrorNumber.VIR_ERR_INVALID_ARG
            || e.getError().getMessage() == null || !e.getError().getMessage().contains("unsupported flags")) throw e;
        return xmlDesc(o, false);
      }
    });
  }

  @Override public void start(String name) { onVoid("start", name, o -> { start(o); return null; }); }

  @Override public void destroy(String name) { onVoid("destroy", name, o -> { destroy(o); return null; }); }

  @Override public void undefine(String name) { onVoid("undefine", name, o -> { undefine(o); return null; }); }

  @Override public boolean isActive(String name) { return on("ask the state of", name, this::isActive); }

  @Override public boolean isPersistent(String name) { return on("ask persistence of", name, this::isPersistent); }

  @Override public boolean autostart(String name) { return on("get autostart of", name, this::autostart); }

  @Override public void setAutostart(String name, boolean autostart) { onVoid("set autostart of", name, o -> { setAutostart(o, autostart); return null; }); }

  @Override public String toString() { return getClass().getSimpleName() + "[" + session.uri() + "]"; }
}
