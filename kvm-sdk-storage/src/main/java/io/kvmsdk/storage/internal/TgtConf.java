package io.kvmsdk.storage.internal;

import io.kvmsdk.storage.iscsi.ChapCredentials;
import io.kvmsdk.storage.iscsi.IscsiLun;
import io.kvmsdk.storage.iscsi.IscsiTarget;
import java.util.stream.Collectors;

/** Writes an {@link IscsiTarget} as a {@code <target>} block of tgt's targets.conf (tgt-admin's format). */
public final class TgtConf {
  private static final String MASK = "****";
  /** The limited broadcast address: never an initiator's source address. */
  public static final String NO_ADDRESS = "255.255.255.255";

  private TgtConf() {}

  /** The block; with {@code redact} the CHAP secrets are {@code ****} (for people), else real (for the file). */
  public static String render(IscsiTarget t, boolean redact) {
    StringBuilder sb = new StringBuilder();
    sb.append("# kvm-sdk: tid ").append(t.tid()).append(" in tgtadm plans");
    if (!t.portals().isEmpty()) {
      sb.append("; portals ").append(t.portals().stream().map(Object::toString).collect(Collectors.joining(" ")))
          .append(" (tgtd --iscsi portal=...)");
    }
    sb.append('\n');
    sb.append("<target ").append(t.iqn()).append(">\n");
    for (IscsiLun l : t.luns()) {
      sb.append("    <backing-store ").append(l.store()).append(">\n");
      sb.append("        lun ").append(l.lun()).append('\n');
      sb.append("        bs-type ").append(l.tgtBsType()).append('\n');
      String bsopts = TgtPlans.bsopts(l);
      if (!bsopts.isEmpty()) sb.append("        bsopts \"").append(bsopts).append("\"\n");
      if (l.directIo()) sb.append("        bsoflags direct\n");
      if (l.readOnly()) sb.append("        readonly 1\n");
      l.serial().ifPresent(s -> sb.append("        scsi_sn ").append(s).append('\n'));
      sb.append("    </backing-store>\n");
    }
    if (t.allowAnyInitiator()) {
      sb.append("    initiator-address ALL\n");
    } else {
      // tgt-admin binds ALL to a target without an initiator-address line, and tgt admits an initiator
      // that matches any ACL entry, address or name: an address no initiator has keeps the ACL to the names
      sb.append("    # no initiator has this address: it keeps tgt-admin from adding 'ALL'; initiators are admitted by name\n");
      sb.append("    initiator-address ").append(NO_ADDRESS).append('\n');
    }
    for (String i : t.initiators()) sb.append("    initiator-name ").append(i).append('\n');
    t.chap().ifPresent(c -> sb.append("    incominguser ").append(c.user()).append(' ').append(secret(c, redact)).append('\n'));
    t.mutualChap().ifPresent(c -> sb.append("    outgoinguser ").append(c.user()).append(' ').append(secret(c, redact)).append('\n'));
    t.maxConnections().ifPresent(m -> sb.append("    MaxConnections ").append(m).append('\n'));
    t.tgtMaxQueueCmd().ifPresent(m -> sb.append("    # MaxQueueCmd ").append(m).append(": tgt-admin does not set it (the tgtadm plan does)\n"));
    sb.append("</target>\n");
    return sb.toString();
  }

  private static String secret(ChapCredentials c, boolean redact) { return redact ? MASK : c.secret(); }
}
