package io.kvmsdk.testkit.host;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.FakeClock;
import io.kvmsdk.testkit.FakeHostLink;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link FakeTool} sees while it runs one command: the host's network namespace it runs in
 * (its links and sysctls), the host's files, its own {@link FakeToolState}, the other tools, and
 * the fake clock. Valid only during {@link FakeTool#run}; everything it changes belongs to the
 * command and is dropped if the command fails (see {@link #keepChanges()}).
 *
 * <p>The changes to links, addresses and sysctls are the kernel's, as {@code ip} and
 * {@code sysctl} make them: a tool whose real counterpart talks netlink (ovs-vswitchd making its
 * bridge ports, keepalived adding a VIP) uses them. They fail with {@link IllegalArgumentException}
 * when impossible; check first and fail with the real tool's message.
 */
public interface FakeToolContext {
  /** The host's name. */
  String host();

  /** The host's clock. */
  FakeClock clock();

  /** The command being run (sudo removed). */
  HostCommand command();

  // ------------------------------------------------------------------ network namespace

  /** The network namespace the command runs in: {@code ""} for the host's own, else a name made with {@code ip netns add}. */
  String namespace();

  /** The names of the namespaces made with {@code ip netns add}. */
  List<String> namespaces();

  /** The links of {@link #namespace()}, in creation order. */
  List<FakeHostLink> links();

  /** The link {@code name} of {@link #namespace()}. */
  Optional<FakeHostLink> link(String name);

  /**
   * Makes link {@code name} of {@code type} (down, MTU 1500, MAC derived from the name), as
   * {@code ip link add NAME type TYPE} does; any type, e.g. {@code openvswitch}. Veths and VLANs
   * need their peer or parent: run {@code ip link add} for them.
   */
  void addLink(String name, String type);

  /** Deletes link {@code name} as {@code ip link del} does (a veth's peer and VLANs on it go too). */
  void deleteLink(String name);

  /** Sets link {@code name} up or down as {@code ip link set NAME up|down} does. */
  void setLinkUp(String name, boolean up);

  /** Enslaves link {@code name} to {@code master} (any link of the namespace), or frees it when {@code master} is null. */
  void setMaster(String name, String master);

  /** Adds {@code cidr} (e.g. {@code 10.0.0.5/24}) to link {@code name} as {@code ip addr add} does; false when it is there already. */
  boolean addAddress(String name, String cidr);

  /** Removes {@code cidr} from link {@code name} as {@code ip addr del} does; false when it was not there. */
  boolean deleteAddress(String name, String cidr);

  /** The value of sysctl {@code key} (dots or slashes) as {@link #namespace()} sees it. */
  Optional<String> sysctl(String key);

  /** Sets sysctl {@code key}, which must exist (net.* per namespace, others per host). */
  void setSysctl(String key, String value);

  // ------------------------------------------------------------------ files

  /**
   * The content of the regular file {@code path}: one the host keeps ({@link #writeFile}) or a
   * kernel file under {@code /proc/sys} or {@code /sys/class/net} as {@link #namespace()} sees it.
   * Empty when there is no such file or it is a directory. A relative path, here and in the other
   * file methods, is relative to {@link #WORKING_DIRECTORY}, where a root ssh session starts.
   */
  Optional<String> readFile(String path);

  /** The directory relative paths start from: root's home, the working directory of a root ssh session. */
  String WORKING_DIRECTORY = "/root";

  /** True when {@code path} is a file or a directory. */
  boolean exists(String path);

  /** True when {@code path} is a directory (one that holds a kept file, or a kernel directory). */
  boolean isDirectory(String path);

  /**
   * Writes the file {@code path}, making its directories. Files survive a reboot, except under
   * {@code /run}, {@code /tmp} and {@code /dev/shm}. Where no file can be written (a directory is
   * there, a file is where a directory should be, or a kernel file under {@code /proc} or
   * {@code /sys}), throws the tool's answer: exit 1, {@code PROG: cannot create regular file 'PATH': REASON}.
   */
  void writeFile(String path, String content);

  /** Deletes the file {@code path}; false when there was none. */
  boolean deleteFile(String path);

  /** The names of the kept files and directories directly in directory {@code dir}, sorted (as {@code ls} lists them); empty when there is none. */
  List<String> listDirectory(String dir);

  // ------------------------------------------------------------------ tool state

  /** The host's state in {@code slot}, made with {@link FakeToolSlot#initial()} on first use. Change it in place. */
  <S extends FakeToolState<S>> S state(FakeToolSlot<S> slot);

  // ------------------------------------------------------------------ other tools

  /** True when some tool of this host answers to {@code program} (a name or a path). */
  boolean hasTool(String program);

  /**
   * Runs {@code command} in this namespace as a child process would (with its stdin), e.g. a shell
   * running a pipeline: its changes stay unless it fails. An unknown program exits 127 with
   * {@code PROGRAM: command not found}; check {@link #hasTool} first to print what your tool prints.
   */
  CommandResult run(HostCommand command);

  /** Runs {@code command} in network namespace {@code namespace} ({@code ""} is the host's), as {@code ip netns exec} does. */
  CommandResult runIn(String namespace, HostCommand command);

  // ------------------------------------------------------------------ the outcome

  /**
   * Keeps this command's changes even if it fails: for tools that, like the real one, apply item
   * after item and stop at the first error ({@code sysctl -w a=1 b=2}, {@code ip link set}).
   */
  void keepChanges();

  /** A result of this command. */
  CommandResult result(int exitCode, String stdout, String stderr);

  /** Exit 0 with {@code stdout} and nothing on stderr. */
  default CommandResult ok(String stdout) { return result(0, stdout, ""); }

  /** Exit 0, no output. */
  default CommandResult ok() { return result(0, "", ""); }

  /** An exception to throw that ends this command with {@code exitCode} and {@code stderr} (a final newline is added). */
  default FakeToolExit fail(int exitCode, String stderr) { return new FakeToolExit(exitCode, stderr); }
}
