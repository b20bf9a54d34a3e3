package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Pointer;
import org.libvirt.Connect;

/** A libvirt-java connection that exposes its native pointer for the calls libvirt-java lacks. */
final class LibvirtConnect extends Connect {
  LibvirtConnect(String uri) throws org.libvirt.LibvirtException {
    super(uri, false);
  }

  /** The {@code virConnectPtr}; null once closed. */
  Pointer pointer() { return vcp == null ? null : vcp.getPointer(); }
}
