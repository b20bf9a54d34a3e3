package io.kvmsdk.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * The lifecycle libvirt gives every object a driver keeps persistent or transient and starts and
 * stops: networks, storage pools and domains share it. A persistent object is defined
 * ({@code virXDefineXML}) and started later; a transient one is created running ({@code virXCreateXML})
 * and vanishes once it stops. Objects travel by name; their definitions as XML strings.
 *
 * <p>Every method throws {@link io.kvmsdk.core.NotFoundException} for a missing object and
 * {@link io.kvmsdk.core.LibvirtException} for a refusal, with libvirt's code, domain and message.
 */
public interface LifecycleDriver {
  /** {@code virXDefineXML}: defines (or, same name and UUID, redefines) a persistent object; a running one keeps its definition until it restarts. */
  ObjectRef define(String xml);

  /**
   * {@code virXCreateXML}: creates and starts a transient object, gone once it stops; over an inactive
   * persistent object of the same name and UUID, starts it with this definition instead.
   */
  ObjectRef create(String xml);

  /** {@code virXLookupByName}, or empty. */
  Optional<ObjectRef> lookup(String name);

  /** {@code virConnectListAllX}: every object, active and inactive, persistent and transient. */
  List<ObjectRef> list();

  /** {@code virXGetXMLDesc}; {@code inactive} asks for the persistent definition (used at next start). */
  String xml(String name, boolean inactive);

  /** {@code virXCreate}: starts a defined object. */
  void start(String name);

  /** {@code virXDestroy}: stops an active object at once; a transient one disappears. */
  void destroy(String name);

  /** {@code virXUndefine}: removes the persistent definition. */
  void undefine(String name);

  /** {@code virXIsActive}. */
  boolean isActive(String name);

  /** {@code virXIsPersistent}. */
  boolean isPersistent(String name);

  /** {@code virXGetAutostart}: whether the object starts with the host. */
  boolean autostart(String name);

  /** {@code virXSetAutostart}; refused for a transient object. */
  void setAutostart(String name, boolean autostart);
}
