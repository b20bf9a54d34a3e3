package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.Arg;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.storage.internal.Files;
import io.kvmsdk.storage.internal.Names;
import io.kvmsdk.storage.internal.Sh;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * A host's own iSCSI initiator (open-iscsi: {@code iscsid} and {@code iscsiadm}), as libvirt's
 * {@code iscsi} pools and multipath use it. {@link #loginPlan} writes the initiator name, discovers
 * the target on each portal, sets CHAP on the node records, marks them to log in at boot and logs
 * in; {@link #logoutPlan} undoes it.
 *
 * <p>Facts the plans rely on (open-iscsi 2.1): {@code iscsiadm -m node -T IQN -p PORTAL} exits 21
 * when there is no such record; an initiator outside the target's ACL gets a discovery that exits 0
 * and lists nothing, so the discovery step then asks for the record and fails there; a password
 * cannot be read back without printing it, so a record that has the CHAP user already keeps its
 * password (to change it, run {@link #logoutPlan}, which deletes the records, then log in again).
 * Needs the {@code iscsi_tcp} kernel module.
 */
@Value.Immutable
public abstract class IscsiInitiator {
  /** This host's initiator IQN ({@code InitiatorName=} of {@code /etc/iscsi/initiatorname.iscsi}). */
  public abstract String initiatorName();

  @Value.Default public String program() { return "iscsiadm"; }

  @Value.Default public String initiatorNameFile() { return "/etc/iscsi/initiatorname.iscsi"; }

  /** Whether the sessions come back at boot ({@code node.startup = automatic}). */
  @Value.Default public boolean automaticStartup() { return true; }

  /** The initiator named {@code iqn}. */
  public static IscsiInitiator named(String iqn) { return builder().initiatorName(iqn).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Iqn.check("initiator/name", initiatorName());
    Names.path("initiator/name_file", initiatorNameFile());
  }

  /** The file's content: {@code InitiatorName=IQN}. */
  public String initiatorNameFileContent() { return "InitiatorName=" + initiatorName() + "\n"; }

  /** Logs in to {@code target} on each of its portals (or on {@code portals} when given): one session per portal, which multipath joins. */
  public Plan loginPlan(IscsiTarget target, IscsiPortal... portals) {
    List<IscsiPortal> ps = portals(target, portals);
    if (!target.allowAnyInitiator() && !target.initiators().contains(initiatorName())) {
      throw new InvalidSpecException("initiator", initiatorName() + " is not in the ACL of " + target.iqn()
          + ": its discovery would list nothing");
    }
    Plan.Builder p = Plan.builder();
    p.step(Files.writeStep("write " + initiatorNameFile() + " (" + initiatorName() + ")", initiatorNameFile(), initiatorNameFileContent(), "0644", false));
    for (IscsiPortal portal : ps) {
      String pt = portal.toString();
      HostCommand record = node(target, pt);
      p.step(Step.builder("discover " + target.iqn() + " on " + pt)
          .check(record)
          .change(HostCommand.of(program(), "-m", "discovery", "-t", "sendtargets", "-p", pt))
          .change(record)
          .undo(HostCommand.of(program(), "-m", "node", "-T", target.iqn(), "-p", pt, "-o", "delete")));
      if (target.chap().isPresent()) {
        ChapCredentials c = target.chap().get();
        String last = target.mutualChap().map(m -> "node.session.auth.username_in = " + m.user()).orElse("node.session.auth.username = " + c.user());
        Step.Builder s = Step.builder("set CHAP (user " + c.user() + (target.mutualChap().isPresent() ? ", mutual" : "") + ") on the node record of " + pt)
            .check(HostCommand.pipeline(List.of(program(), "-m", "node", "-T", target.iqn(), "-p", pt), Sh.hasLine(last)))
            .change(update(target, pt, "node.session.auth.authmethod", Arg.of("CHAP")))
            .change(update(target, pt, "node.session.auth.username", Arg.of(c.user())))
            .change(update(target, pt, "node.session.auth.password", Arg.secret(secretName("ISCSI_CHAP_", c), c.secret())));
        target.mutualChap().ifPresent(m -> s
            .change(update(target, pt, "node.session.auth.username_in", Arg.of(m.user())))
            .change(update(target, pt, "node.session.auth.password_in", Arg.secret(secretName("ISCSI_MUTUAL_CHAP_", m), m.secret()))));
        p.step(s);
      }
      String startup = automaticStartup() ? "automatic" : "manual";
      p.step(Step.builder("log in to " + target.iqn() + " on " + pt + " at boot: " + startup)
          .check(HostCommand.pipeline(List.of(program(), "-m", "node", "-T", target.iqn(), "-p", pt), Sh.hasLine("node.startup = " + startup)))
          .change(update(target, pt, "node.startup", Arg.of(startup))));
      p.step(Step.builder("log in to " + target.iqn() + " on " + pt)
          .check(HostCommand.pipeline(List.of(program(), "-m", "session"), Sh.hasMatch(session(pt, target))))
          .change(HostCommand.of(program(), "-m", "node", "-T", target.iqn(), "-p", pt, "--login"))
          .undo(HostCommand.of(program(), "-m", "node", "-T", target.iqn(), "-p", pt, "--logout")));
    }
    return p.build();
  }

  /** Logs out of {@code target} on its portals (or {@code portals}) and deletes the node records. */
  public Plan logoutPlan(IscsiTarget target, IscsiPortal... portals) {
    Plan.Builder p = Plan.builder();
    for (IscsiPortal portal : portals(target, portals)) {
      String pt = portal.toString();
      p.step(Step.builder("log out of " + target.iqn() + " on " + pt)
          .check(HostCommand.pipeline(List.of(program(), "-m", "session"), Sh.noLineMatching(session(pt, target))))
          .change(HostCommand.of(program(), "-m", "node", "-T", target.iqn(), "-p", pt, "--logout")));
      p.step(Step.builder("delete the node record of " + target.iqn() + " on " + pt)
          .check(HostCommand.pipeline(List.of(program(), "-m", "node"), Sh.noLineMatching("^" + Sh.ere(pt) + ",[0-9]+ " + Sh.ere(target.iqn()) + "$")))
          .change(HostCommand.of(program(), "-m", "node", "-T", target.iqn(), "-p", pt, "-o", "delete")));
    }
    return p.build();
  }

  private static List<IscsiPortal> portals(IscsiTarget target, IscsiPortal... portals) {
    List<IscsiPortal> ps = portals.length > 0 ? List.of(portals) : target.portals();
    if (ps.isEmpty()) throw new InvalidSpecException("target/portal", "name the portals to log in on: " + target.iqn() + " lists none");
    return new ArrayList<>(ps);
  }

  /** A line of {@code iscsiadm -m session} for a session to {@code t} on {@code pt}: {@code tcp: [1] PORTAL,TPGT IQN (non-flash)}. */
  private static String session(String pt, IscsiTarget t) { return " " + Sh.ere(pt) + ",[0-9]+ " + Sh.ere(t.iqn()) + "( |$)"; }

  private HostCommand node(IscsiTarget t, String pt) { return HostCommand.of(program(), "-m", "node", "-T", t.iqn(), "-p", pt); }

  private HostCommand update(IscsiTarget t, String pt, String name, Arg value) {
    return HostCommand.builder().args(program(), "-m", "node", "-T", t.iqn(), "-p", pt, "-o", "update", "-n", name, "-v").arg(value).build();
  }

  private static String secretName(String prefix, ChapCredentials c) {
    return prefix + c.user().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  public static class Builder extends ImmutableIscsiInitiator.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("initiatorName", "initiator/name");
    @Override public IscsiInitiator build() { return REQUIRED.build(super::build); }
  }
}
