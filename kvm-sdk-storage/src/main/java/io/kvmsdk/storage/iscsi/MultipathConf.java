package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.storage.internal.Files;
import io.kvmsdk.storage.internal.Names;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * {@code /etc/multipath.conf} for iSCSI LUNs reached on several portals: defaults, a blacklist, one
 * {@link MultipathDevice} section per array kind (ALUA grouping and failback) and aliases per WWID.
 *
 * <pre>{@code
 * MultipathConf conf = MultipathConf.builder()
 *     .addDevice(MultipathDevice.alua("IET", "VIRTUAL-DISK", 12))   // tgt
 *     .putAlias("360000000000000000e00000000010001", "vmstore")
 *     .build();
 * Plan p = conf.plan();   // write the file, then multipathd reconfigure
 * }</pre>
 */
@Value.Immutable
public abstract class MultipathConf {
  /** SCSI vendor and product tgt reports. */
  public static final String TGT_VENDOR = "IET";
  public static final String TGT_PRODUCT = "VIRTUAL-DISK";
  /** SCSI vendor LIO reports. */
  public static final String LIO_VENDOR = "LIO-ORG";

  @Value.Default public boolean userFriendlyNames() { return true; }

  /** {@code find_multipaths}: {@code yes} (a path needs a sibling or a known WWID), {@code no}, {@code strict}, {@code greedy}, {@code smart}. */
  @Value.Default public String findMultipaths() { return "yes"; }

  /** Device nodes never multipathed (regular expressions), e.g. {@code ^(ram|loop|fd|md|dm-|sr|scd|st)[0-9]*}. */
  public abstract List<String> blacklistDevnodes();

  public abstract List<MultipathDevice> devices();

  /** WWID to alias ({@code multipaths { multipath { wwid ..; alias .. } }}). */
  public abstract Map<String, String> aliases();

  @Value.Default public String path() { return "/etc/multipath.conf"; }

  /** Where the plan keeps a copy of the file multipathd was last told to read. */
  @Value.Default public String appliedPath() { return "/run/kvmsdk/multipath.conf.applied"; }

  /** ALUA settings for tgt's LUNs ({@code IET}/{@code VIRTUAL-DISK}), {@code no_path_retry 12}. */
  public static MultipathConf forTgt() { return builder().addDevice(MultipathDevice.alua(TGT_VENDOR, TGT_PRODUCT, 12)).build(); }

  /** ALUA settings for LIO's LUNs ({@code LIO-ORG}), {@code no_path_retry 12}. */
  public static MultipathConf forLio() { return builder().addDevice(MultipathDevice.alua(LIO_VENDOR, ".*", 12)).build(); }

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public MultipathConf copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    if (!findMultipaths().matches("yes|no|strict|greedy|smart")) {
      throw new InvalidSpecException("defaults/find_multipaths", "must be yes, no, strict, greedy or smart, got '" + findMultipaths() + "'");
    }
    for (String d : blacklistDevnodes()) {
      if (d.isEmpty() || d.chars().anyMatch(c -> c < 0x20 || c == '"')) throw new InvalidSpecException("blacklist/devnode", "must be a regular expression without quotes or control characters");
    }
    aliases().forEach((wwid, alias) -> {
      if (!wwid.matches("[0-9A-Za-z_.:-]{1,128}")) throw new InvalidSpecException("multipaths/multipath/wwid", "must be a WWID (letters, digits, '_', '.', ':', '-'), got " + Names.quoted(wwid));
      Names.word("multipaths/multipath/alias", alias);
    });
    Names.path("multipath/path", path());
    Names.path("multipath/applied_path", appliedPath());
  }

  /** The file's text. */
  public String render() {
    StringBuilder sb = new StringBuilder("# written by kvm-sdk\n");
    sb.append("defaults {\n");
    sb.append("\tuser_friendly_names ").append(userFriendlyNames() ? "yes" : "no").append('\n');
    sb.append("\tfind_multipaths ").append(findMultipaths()).append('\n');
    sb.append("}\n");
    if (!blacklistDevnodes().isEmpty()) {
      sb.append("blacklist {\n");
      for (String d : blacklistDevnodes()) sb.append("\tdevnode \"").append(d).append("\"\n");
      sb.append("}\n");
    }
    if (!devices().isEmpty()) {
      sb.append("devices {\n");
      for (MultipathDevice d : devices()) {
        sb.append("\tdevice {\n");
        sb.append("\t\tvendor \"").append(d.vendor()).append("\"\n");
        sb.append("\t\tproduct \"").append(d.product()).append("\"\n");
        sb.append("\t\tpath_grouping_policy ").append(d.pathGroupingPolicy()).append('\n');
        sb.append("\t\tprio ").append(d.prio()).append('\n');
        sb.append("\t\tfailback ").append(d.failback()).append('\n');
        sb.append("\t\tno_path_retry ").append(d.noPathRetry()).append('\n');
        sb.append("\t\tpath_checker ").append(d.pathChecker()).append('\n');
        d.hardwareHandler().ifPresent(h -> sb.append("\t\thardware_handler \"").append(h).append("\"\n"));
        sb.append("\t}\n");
      }
      sb.append("}\n");
    }
    if (!aliases().isEmpty()) {
      sb.append("multipaths {\n");
      aliases().forEach((wwid, alias) -> sb.append("\tmultipath {\n\t\twwid ").append(wwid).append("\n\t\talias ").append(alias).append("\n\t}\n"));
      sb.append("}\n");
    }
    return sb.toString();
  }

  /** Writes the file (skipped when it holds this text), then has multipathd read it (skipped when it read this very file last). */
  public Plan plan() {
    return Plan.builder()
        .step(Files.writeStep("write " + path(), path(), render(), "0644", false))
        .step(Step.builder("have multipathd read " + path())
            .check(HostCommand.of("cmp", "-s", path(), appliedPath()))
            .change(HostCommand.of("multipathd", "reconfigure"))
            .change(HostCommand.of("install", "-D", "-m", "0644", path(), appliedPath())))
        .build();
  }

  @Override public String toString() { return render(); }

  public static class Builder extends ImmutableMultipathConf.Builder {}
}
