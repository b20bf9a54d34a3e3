package io.kvmsdk.storage.fake;

import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tgt daemons of a fake host, by control port: each with its portals, CHAP accounts and
 * targets (LUNs, bound accounts, ACL, iSCSI parameters). tgtd keeps nothing across a reboot.
 */
public final class TgtdState implements FakeToolState<TgtdState> {
  /** The iSCSI parameters {@code tgtadm --op show --mode target --tid N} prints, with tgt 1.0.85's defaults, in its order. */
  static final Map<String, String> DEFAULT_PARAMS = defaults();

  private final Map<Integer, Daemon> daemons = new TreeMap<>();

  /** One tgtd. */
  public static final class Daemon {
    /** Portals as {@code address:port}, newest first (as tgtadm lists them). */
    final List<String> portals = new ArrayList<>();
    /** Accounts (user to password), newest first. */
    final LinkedHashMap<String, String> accounts = new LinkedHashMap<>();
    final Map<Integer, Target> targets = new TreeMap<>();
    final java.util.Set<String> backingStores = new java.util.TreeSet<>(Tgtadm.BACKING_STORES);

    Daemon copy() {
      Daemon d = new Daemon();
      d.backingStores.clear();
      d.backingStores.addAll(backingStores);
      d.portals.addAll(portals);
      d.accounts.putAll(accounts);
      targets.forEach((k, v) -> d.targets.put(k, v.copy()));
      return d;
    }

    /** The portals, newest first. */
    public List<String> portals() { return List.copyOf(portals); }

    /** The account names, newest first. */
    public List<String> accounts() { return List.copyOf(accounts.keySet()); }

    /** The password of {@code user}, for tests that play the initiator. */
    public String password(String user) { return accounts.get(user); }

    /** The targets by tid. */
    public Map<Integer, Target> targets() { return java.util.Collections.unmodifiableMap(targets); }

    /** The backing store types this tgtd offers. */
    public java.util.Set<String> backingStores() { return backingStores; }

    /** Adds a backing store type, e.g. {@code rbd} (tgt-rbd installed). */
    public Daemon withBackingStore(String type) { backingStores.add(type); return this; }

    /** Adds a portal as tgtd's {@code --iscsi portal=} does. */
    public Daemon addPortal(String portal) { portals.add(0, portal); return this; }
  }

  /** One target. */
  public static final class Target {
    final String name;
    final Map<Long, Lun> luns = new TreeMap<>();
    final List<String> incoming = new ArrayList<>();
    String outgoing;
    final List<String> acl = new ArrayList<>();
    final LinkedHashMap<String, String> params = new LinkedHashMap<>(DEFAULT_PARAMS);

    Target(String name) { this.name = name; }

    Target copy() {
      Target t = new Target(name);
      luns.forEach((k, v) -> t.luns.put(k, v.copy()));
      t.incoming.addAll(incoming);
      t.outgoing = outgoing;
      t.acl.addAll(acl);
      t.params.putAll(params);
      return t;
    }

    public String name() { return name; }

    public Map<Long, Lun> luns() { return java.util.Collections.unmodifiableMap(luns); }

    public List<String> incomingAccounts() { return List.copyOf(incoming); }

    public java.util.Optional<String> outgoingAccount() { return java.util.Optional.ofNullable(outgoing); }

    public List<String> acl() { return List.copyOf(acl); }

    public Map<String, String> params() { return java.util.Collections.unmodifiableMap(params); }
  }

  /** One logical unit. */
  public static final class Lun {
    final String type;
    final String path;
    final String bsType;
    String bsFlags;
    final long size;
    String scsiId;
    String scsiSn;
    boolean readOnly;

    Lun(String type, String path, String bsType, String bsFlags, long size) {
      this.type = type;
      this.path = path;
      this.bsType = bsType;
      this.bsFlags = bsFlags;
      this.size = size;
    }

    Lun copy() {
      Lun l = new Lun(type, path, bsType, bsFlags, size);
      l.scsiId = scsiId;
      l.scsiSn = scsiSn;
      l.readOnly = readOnly;
      return l;
    }

    /** The backing store path, or null for the controller and a LUN without media. */
    public String path() { return path; }

    public String bsType() { return bsType; }

    public boolean readOnly() { return readOnly; }

    public String serial() { return scsiSn; }

    public long size() { return size; }
  }

  /** The tgtd listening on control port {@code port}, if one runs. */
  public java.util.Optional<Daemon> daemon(int port) { return java.util.Optional.ofNullable(daemons.get(port)); }

  /** Starts a tgtd on control port {@code port} ({@code tgtd -C port}) with {@code portals} (default {@code 0.0.0.0:3260}); returns it. */
  public Daemon start(int port, String... portals) {
    Daemon d = new Daemon();
    if (portals.length == 0) d.portals.add("0.0.0.0:3260");
    for (String p : portals) d.portals.add(0, p);
    daemons.put(port, d);
    return d;
  }

  /** Stops the tgtd on {@code port}. */
  public void stop(int port) { daemons.remove(port); }

  @Override public TgtdState copy() {
    TgtdState s = new TgtdState();
    daemons.forEach((k, v) -> s.daemons.put(k, v.copy()));
    return s;
  }

  @Override public List<String> describe() {
    List<String> out = new ArrayList<>();
    daemons.forEach((port, d) -> {
      String p = "tgtd -C " + port;
      out.add(p + " portals " + d.portals);
      out.add(p + " accounts " + d.accounts.keySet());
      d.targets.forEach((tid, t) -> {
        out.add(p + " target " + tid + " " + t.name + " acl " + t.acl + " incoming " + t.incoming + " outgoing " + t.outgoing);
        t.luns.forEach((n, l) -> out.add(p + " target " + tid + " lun " + n + " " + l.type + " " + l.bsType + " " + l.path
            + (l.readOnly ? " ro" : "") + " sn " + l.scsiSn + (l.bsFlags.isEmpty() ? "" : " flags " + l.bsFlags)));
        t.params.forEach((k, v) -> {
          if (!v.equals(DEFAULT_PARAMS.get(k))) out.add(p + " target " + tid + " " + k + "=" + v);
        });
      });
    });
    return out;
  }

  private static Map<String, String> defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    String[][] kv = {{"nop_interval", "0"}, {"nop_count", "0"}, {"MaxRecvDataSegmentLength", "8192"}, {"HeaderDigest", "None"},
        {"DataDigest", "None"}, {"InitialR2T", "Yes"}, {"MaxOutstandingR2T", "1"}, {"ImmediateData", "Yes"},
        {"FirstBurstLength", "65536"}, {"MaxBurstLength", "262144"}, {"DataPDUInOrder", "Yes"}, {"DataSequenceInOrder", "Yes"},
        {"ErrorRecoveryLevel", "0"}, {"IFMarker", "No"}, {"OFMarker", "No"}, {"DefaultTime2Wait", "2"}, {"DefaultTime2Retain", "20"},
        {"OFMarkInt", "Reject"}, {"IFMarkInt", "Reject"}, {"MaxConnections", "1"}, {"RDMAExtensions", "Yes"},
        {"TargetRecvDataSegmentLength", "262144"}, {"InitiatorRecvDataSegmentLength", "262144"},
        {"MaxOutstandingUnexpectedPDUs", "0"}, {"MaxXmitDataSegmentLength", "8192"}, {"MaxQueueCmd", "128"}};
    for (String[] e : kv) m.put(e[0], e[1]);
    return java.util.Collections.unmodifiableMap(m);
  }
}
