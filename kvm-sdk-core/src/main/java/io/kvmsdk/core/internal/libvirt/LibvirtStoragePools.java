package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Pointer;
import io.kvmsdk.core.spi.ObjectRef;
import io.kvmsdk.core.spi.StoragePoolDriver;
import java.util.List;
import org.libvirt.StoragePool;

/** The {@link StoragePoolDriver} on libvirt: libvirt-java's {@code StoragePool}, JNA for listing and autostart. */
final class LibvirtStoragePools extends LibvirtLifecycle<StoragePool> implements StoragePoolDriver {
  /** {@code VIR_STORAGE_XML_INACTIVE}. */
  private static final int XML_INACTIVE = 1;

  LibvirtStoragePools(LibvirtSession session) { super(session, "storage pool"); }

  @Override StoragePool lookupByName(LibvirtConnect c, String name) throws org.libvirt.LibvirtException { return c.storagePoolLookupByName(name); }

  @Override void free(StoragePool p) throws org.libvirt.LibvirtException { p.free(); }

  @Override ObjectRef ref(StoragePool p) throws org.libvirt.LibvirtException { return new ObjectRef(p.getName(), p.getUUIDString()); }

  @Override StoragePool defineXml(LibvirtConnect c, String xml) throws org.libvirt.LibvirtException { return c.storagePoolDefineXML(xml, 0); }

  @Override StoragePool createXml(LibvirtConnect c, String xml) throws org.libvirt.LibvirtException { return c.storagePoolCreateXML(xml, 0); }

  @Override List<ObjectRef> listAll(LibvirtConnect c) {
    LibvirtNative n = LibvirtNative.INSTANCE;
    return LibvirtNativeLists.read(session, c, "list storage pools", n::virConnectListAllStoragePools,
        p -> new ObjectRef(n.virStoragePoolGetName(p), LibvirtNativeLists.uuid(p, n::virStoragePoolGetUUIDString)), n::virStoragePoolFree);
  }

  @Override String xmlDesc(StoragePool p, boolean inactive) throws org.libvirt.LibvirtException { return p.getXMLDesc(inactive ? XML_INACTIVE : 0); }

  @Override void start(StoragePool p) throws org.libvirt.LibvirtException { p.create(0); }

  @Override void destroy(StoragePool p) throws org.libvirt.LibvirtException { p.destroy(); }

  @Override void undefine(StoragePool p) throws org.libvirt.LibvirtException { p.undefine(); }

  @Override boolean isActive(StoragePool p) throws org.libvirt.LibvirtException { return p.isActive() == 1; }

  @Override boolean isPersistent(StoragePool p) throws org.libvirt.LibvirtException { return p.isPersistent() == 1; }

  @Override boolean autostart(StoragePool p) throws org.libvirt.LibvirtException { return p.getAutostart(); }

  @Override void setAutostart(StoragePool p, boolean autostart) { throw new UnsupportedOperationException("through JNA: see setAutostart(String, boolean)"); }

  /** Through JNA: libvirt-java's {@code StoragePool.setAutostart} drops libvirt's error (a transient pool's refusal). */
  @Override public void setAutostart(String name, boolean autostart) {
    session.callNative(c -> {
      String op = "set autostart of storage pool '" + name + "'";
      LibvirtNative n = LibvirtNative.INSTANCE;
      Pointer pool = n.virStoragePoolLookupByName(session.pointer(c), name);
      if (pool == null) throw session.failNative(c, op, kind, name);
      try {
        if (n.virStoragePoolSetAutostart(pool, autostart ? 1 : 0) < 0) throw session.failNative(c, op, kind, name);
        return null;
      } finally {
        n.virStoragePoolFree(pool);
      }
    });
  }

  @Override public void build(String name) { on("build", name, p -> { p.build(0); return null; }); }

  @Override public void refresh(String name) { on("refresh", name, p -> { p.refresh(0); return null; }); }

  @Override public void delete(String name) { on("delete", name, p -> { p.delete(0); return null; }); }
}
