package io.kvmsdk.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * libvirt's nwfilter driver: network filters (defined, never started) and their bindings to guest
 * interfaces ({@code virNWFilterBinding*}), which libvirt creates for a running guest's interface
 * with a {@code <filterref>} and removes when it stops. A filter a running guest uses cannot be
 * undefined ({@code VIR_ERR_OPERATION_INVALID}, "nwfilter is in use").
 */
public interface NwFilterDriver {
  /** {@code virNWFilterDefineXML}: defines (or, same name and UUID, redefines) a filter. */
  ObjectRef define(String xml);

  /** {@code virNWFilterLookupByName}, or empty. */
  Optional<ObjectRef> lookup(String name);

  /** {@code virConnectListAllNWFilters}. */
  List<ObjectRef> list();

  /** {@code virNWFilterGetXMLDesc}. */
  String xml(String name);

  /** {@code virNWFilterUndefine}. */
  void undefine(String name);

  /** {@code virNWFilterBindingCreateXML}; returns the binding's port device. */
  String createBinding(String xml);

  /** {@code virConnectListAllNWFilterBindings}: the port devices of every binding. */
  List<String> listBindings();

  /** {@code virNWFilterBindingGetXMLDesc} of the binding on {@code portdev}, or empty when there is none. */
  Optional<String> bindingXml(String portdev);

  /** {@code virNWFilterBindingDelete}. */
  void deleteBinding(String portdev);
}
