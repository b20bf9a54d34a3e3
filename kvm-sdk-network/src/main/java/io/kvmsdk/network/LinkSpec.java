package io.kvmsdk.network;

import io.kvmsdk.core.host.Plan;
import java.util.List;

/**
 * A host network device described once: it converges a host to itself ({@link #plan()}, whose
 * re-application changes nothing and reads the host in one batched read), removes itself
 * ({@link #removalPlan()}), and names the devices it uses so a {@link HostNetwork} can check that
 * no interface serves two masters.
 */
public interface LinkSpec {
  /** The device's name. */
  String name();

  /** The plan that makes the host match this spec (creates what is missing, sets what differs). */
  Plan plan();

  /** The plan that removes what this spec created (never the NICs it only uses). */
  Plan removalPlan();

  /** The existing interfaces this device takes over as ports, members or lower device. */
  List<String> uses();
}
