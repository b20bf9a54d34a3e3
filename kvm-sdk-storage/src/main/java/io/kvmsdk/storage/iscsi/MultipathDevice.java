package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A {@code device { }} section of {@code multipath.conf}: how multipathd groups and fails over the
 * paths of the LUNs one kind of array reports (by SCSI vendor and product). {@link #alua} is the
 * usual setting for an ALUA array: paths grouped by priority ({@code group_by_prio}), the priority
 * from the array's ALUA states ({@code prio alua}), back to the preferred group as soon as it
 * returns ({@code failback immediate}), and I/O queued for {@code no_path_retry} checker intervals
 * when every path is down.
 */
@Value.Immutable
public abstract class MultipathDevice {
  private static final Set<String> POLICIES = Set.of("failover", "multibus", "group_by_serial", "group_by_prio", "group_by_node_name");

  /** The SCSI vendor the section applies to (a regular expression): {@code IET} for tgt, {@code LIO-ORG} for LIO. */
  public abstract String vendor();

  /** The SCSI product (a regular expression): {@code VIRTUAL-DISK} for tgt, {@code .*} for any. */
  public abstract String product();

  @Value.Default public String pathGroupingPolicy() { return "group_by_prio"; }

  /** The path priority source: {@code alua}, {@code const}, ... */
  @Value.Default public String prio() { return "alua"; }

  /** {@code immediate}, {@code manual}, {@code followover} or a number of seconds. */
  @Value.Default public String failback() { return "immediate"; }

  /** How many checker intervals I/O queues with no path left ({@code queue} forever, {@code fail} at once, or a number). */
  @Value.Default public String noPathRetry() { return "12"; }

  @Value.Default public String pathChecker() { return "tur"; }

  /** The kernel's hardware handler, {@code 1 alua} for ALUA arrays. */
  public abstract Optional<String> hardwareHandler();

  /** An ALUA section for {@code vendor}/{@code product} retrying {@code noPathRetry} checker intervals. */
  public static MultipathDevice alua(String vendor, String product, int noPathRetry) {
    return builder().vendor(vendor).product(product).noPathRetry(String.valueOf(noPathRetry)).hardwareHandler("1 alua").build();
  }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    for (String[] kv : new String[][] {{"vendor", vendor()}, {"product", product()}}) {
      if (kv[1].isEmpty() || kv[1].chars().anyMatch(c -> c < 0x20 || c == '"')) {
        throw new InvalidSpecException("devices/device/" + kv[0], "must be a non-empty regular expression without quotes or control characters");
      }
    }
    if (!POLICIES.contains(pathGroupingPolicy())) {
      throw new InvalidSpecException("devices/device/path_grouping_policy", "must be one of " + POLICIES.stream().sorted().toList() + ", got '" + pathGroupingPolicy() + "'");
    }
    if (!noPathRetry().matches("queue|fail|[1-9][0-9]*")) {
      throw new InvalidSpecException("devices/device/no_path_retry", "must be queue, fail or a positive number, got '" + noPathRetry() + "'");
    }
    if (!failback().matches("immediate|manual|followover|[1-9][0-9]*")) {
      throw new InvalidSpecException("devices/device/failback", "must be immediate, manual, followover or a number of seconds, got '" + failback() + "'");
    }
    for (String[] kv : new String[][] {{"prio", prio()}, {"path_checker", pathChecker()}}) {
      if (!kv[1].matches("[a-z_]+")) throw new InvalidSpecException("devices/device/" + kv[0], "must be a word, got '" + kv[1] + "'");
    }
    hardwareHandler().ifPresent(h -> {
      if (!h.matches("[0-9] [a-z]+( [a-z0-9]+)*")) throw new InvalidSpecException("devices/device/hardware_handler", "must be 'N handler [args]', e.g. '1 alua', got '" + h + "'");
    });
  }

  public static class Builder extends ImmutableMultipathDevice.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("vendor", "devices/device/vendor", "product", "devices/device/product");
    @Override public MultipathDevice build() { return REQUIRED.build(super::build); }
  }
}
