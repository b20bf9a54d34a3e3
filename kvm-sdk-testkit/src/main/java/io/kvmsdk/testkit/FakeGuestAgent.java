package io.kvmsdk.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.domain.DomainInterfaceAddress;
import io.kvmsdk.core.domain.DomainIpAddress;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.GuestAgent;
import io.kvmsdk.core.domain.Nic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The QEMU guest agent ({@code qemu-ga}) in the guest of one fake domain, and libvirt's QEMU driver
 * in front of it. Reach it with {@code fakeHypervisor.guestAgent("web1")}; state is per host and
 * domain name, shared by the host's connections.
 *
 * <p>As with the real TCG guest (which runs no OS), the agent is <b>not connected</b> until a test
 * calls {@link #connect()}: a running domain with the agent channel then answers
 * {@code VIR_ERR_AGENT_UNRESPONSIVE} "Guest agent is not responding: QEMU guest agent is not connected";
 * without the channel libvirt says {@code VIR_ERR_ARGUMENT_UNSUPPORTED} "argument unsupported: QEMU
 * guest agent is not configured"; a shut-off or paused domain {@code VIR_ERR_OPERATION_INVALID}
 * "Requested operation is not valid: domain is not running". Once connected (it stays so across
 * restarts, like a guest that starts {@code qemu-ga} at boot, until {@link #disconnect()}), the agent
 * answers {@code guest-ping}, {@code guest-sync}, {@code guest-info}, {@code guest-get-host-name},
 * {@code guest-network-get-interfaces}, {@code guest-get-osinfo} and {@code guest-get-time} with
 * plausible defaults derived from the domain (hostname: the domain's name; interfaces: {@code lo}
 * and one {@code ethN} per {@code <interface>} with its MAC), and {@code CommandNotFound} otherwise.
 *
 * <pre>{@code
 * FakeGuestAgent agent = fake.guestAgent("web1").connect()
 *     .hostname("web1.example.org")
 *     .reply("guest-exec", "{\"return\":{\"pid\":42}}")
 *     .fail("guest-fsfreeze-freeze", "GenericError", "no freeze for you")
 *     .delay("guest-get-fsinfo", Duration.ofSeconds(30));   // times out after libvirt's 5 s
 * }</pre>
 *
 * An error reply surfaces as libvirt does: {@code VIR_ERR_INTERNAL_ERROR} "internal error: unable to
 * execute QEMU agent command 'NAME': DESC". A reply slower than the caller's timeout (libvirt's
 * default 5 s for the typed calls) takes that much of the host's {@link FakeClock} and fails with
 * {@code VIR_ERR_AGENT_UNRESPONSIVE} "Guest agent is not responding: Guest agent not available for now";
 * a {@link #hang() hung} agent fails so after 5 s whatever the timeout (libvirt's {@code guest-sync}).
 * The agent works on one command at a time: after a timed-out reply, the next call first waits (up
 * to 5 s) for the agent to finish it. A reply with neither {@code return} nor {@code error} fails with
 * "internal error: Unknown JSON reply '...'" and libvirt then refuses every agent call of that boot
 * with "Guest agent is not responding: QEMU guest agent is not available due to an error". Raw
 * replies come back compact, as libvirt re-serialises them. All of this was checked against a real
 * libvirtd 9.0 talking to a stand-in agent in a booted guest.
 */
public final class FakeGuestAgent {
  /** qemu-ga's default answer when the guest asks for nothing else; libvirt's default agent wait. */
  private static final int DEFAULT_WAIT_SECONDS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DEFAULT_COMMANDS = List.of("guest-ping", "guest-sync", "guest-sync-delimited", "guest-info",
      "guest-get-host-name", "guest-network-get-interfaces", "guest-get-osinfo", "guest-get-time");

  private final Object lock;
  private final FakeClock clock;
  private final String domain;
  private boolean connected;
  private boolean hung;
  /** Until when the (single-threaded) agent is still working on a reply libvirt gave up waiting for. */
  private java.time.Instant busyUntil;
  /** The boot ({@code Dom.id}) in which the agent sent a reply libvirt could not read; -1: none. */
  private int brokenInBoot = -1;
  private String hostname;
  private List<DomainInterfaceAddress> interfaces;
  private final Map<String, UnaryOperator<String>> replies = new HashMap<>();
  private final Map<String, Duration> delays = new HashMap<>();
  private final List<String> received = new ArrayList<>();

  FakeGuestAgent(Object lock, FakeClock clock, String domain) {
    this.lock = lock;
    this.clock = clock;
    this.domain = domain;
  }

  /** The domain whose guest this agent runs in. */
  public String domain() { return domain; }

  /**
   * This guest's agent as it continues on another host after a live migration (the guest and its
   * {@code qemu-ga} keep running): connection, programmed replies, delays, hostname and interfaces.
   * Called with both hosts' locks held.
   */
  FakeGuestAgent migratedTo(Object destinationLock) {
    FakeGuestAgent a = new FakeGuestAgent(destinationLock, clock, domain);
    a.connected = connected;
    a.hung = hung;
    a.hostname = hostname;
    a.interfaces = interfaces;
    a.replies.putAll(replies);
    a.delays.putAll(delays);
    return a;
  }

  // ------------------------------------------------------------------ test controls

  /** The guest starts {@code qemu-ga}: from now on (and after every restart) libvirt sees the agent connected. */
  public FakeGuestAgent connect() {
    synchronized (lock) {
      connected = true;
      brokenInBoot = -1;
    }
    return this;
  }

  /** The agent stops (or the guest never starts it): libvirt reports it not connected. */
  public FakeGuestAgent disconnect() {
    synchronized (lock) {
      connected = false;
      brokenInBoot = -1;
    }
    return this;
  }

  /** True while the agent is connected (whenever the domain runs with the agent channel). */
  public boolean isConnected() { synchronized (lock) { return connected; } }

  /** The agent stays connected but never answers, like a frozen guest: every call times out after libvirt's 5 s. */
  public FakeGuestAgent hang() {
    synchronized (lock) { hung = true; }
    return this;
  }

  /** Answers {@code command} with {@code json} (a full reply, {@code {"return":...}} or {@code {"error":{...}}}). */
  public FakeGuestAgent reply(String command, String json) {
    checkReply(Objects.requireNonNull(json, "json"));
    return respond(command, request -> json);
  }

  /**
   * Answers {@code command} with what {@code handler} returns for the request (the command's JSON
   * as sent); for replies that depend on the arguments, such as {@code guest-exec}.
   */
  public FakeGuestAgent respond(String command, UnaryOperator<String> handler) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(handler, "handler");
    synchronized (lock) { replies.put(command, handler); }
    return this;
  }

  /** Answers {@code command} with a QMP error of class {@code errorClass} (e.g. {@code GenericError}) and description {@code desc}. */
  public FakeGuestAgent fail(String command, String errorClass, String desc) {
    ObjectNode err = JSON.createObjectNode();
    ObjectNode body = err.putObject("error");
    body.put("class", errorClass);
    if (desc != null) body.put("desc", desc);
    return reply(command, err.toString());
  }

  /** The agent takes {@code delay} of fake time to answer {@code command}; longer than the caller's timeout fails it. */
  public FakeGuestAgent delay(String command, Duration delay) {
    if (delay.isNegative()) throw new IllegalArgumentException("delay must not be negative, got " + delay);
    synchronized (lock) { delays.put(Objects.requireNonNull(command, "command"), delay); }
    return this;
  }

  /** The hostname {@code guest-get-host-name} reports (default: the domain's name). */
  public FakeGuestAgent hostname(String hostname) {
    synchronized (lock) { this.hostname = Objects.requireNonNull(hostname, "hostname"); }
    return this;
  }

  /** The interfaces {@code guest-network-get-interfaces} reports, instead of the ones derived from the domain. */
  public FakeGuestAgent interfaces(List<DomainInterfaceAddress> interfaces) {
    synchronized (lock) { this.interfaces = List.copyOf(interfaces); }
    return this;
  }

  /** Every command that reached the agent, as sent (compact JSON), oldest first. */
  public List<String> received() { synchronized (lock) { return List.copyOf(received); } }

  /** Forgets programmed replies, delays, hostname, interfaces, the hang and the received commands; keeps the connection state. */
  public FakeGuestAgent reset() {
    synchronized (lock) {
      replies.clear();
      delays.clear();
      received.clear();
      hung = false;
      hostname = null;
      interfaces = null;
    }
    return this;
  }

  @Override public String toString() { return "FakeGuestAgent[" + domain + (connected ? ", connected" : "") + "]"; }

  // ------------------------------------------------------------------ libvirt's side (caller holds the host lock)

  /**
   * {@code virDomainQemuAgentCommand} on an active domain in {@code state} running {@code live}:
   * libvirt's checks, then the agent's reply, compact, as libvirt returns it.
   */
  String command(String op, FakeHypervisorState.Dom d, String json, int timeoutSeconds) {
    available(op, d);
    if (timeoutSeconds < -2) {
      throw error(op, "VIR_ERR_INVALID_ARG", 8, "invalid argument: guest agent timeout '" + timeoutSeconds
          + "' is less than the minimum '-2'");
    }
    JsonNode request;
    try {
      request = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      // libvirt's JSON parser reports from VIR_FROM_NONE, wording the syntax error its own way (yajl's, over several lines)
      throw new LibvirtException(op, "VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_NONE", 0,
          "internal error: cannot parse json " + json + ": " + e.getOriginalMessage(), false, null);
    }
    if (request == null || request.isMissingNode()) {
      throw new LibvirtException(op, "VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_NONE", 0,
          "internal error: cannot parse json " + json + ": empty input", false, null);
    }
    return exchange(op, d, request, timeoutSeconds).toString();
  }

  /** {@code virDomainGetHostname} with the agent flag. */
  String hostname(String op, FakeHypervisorState.Dom d) {
    available(op, d);
    JsonNode reply = exchange(op, d, request("guest-get-host-name"), -1);
    JsonNode data = reply.get("return");
    if (data == null) throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: malformed return value");
    JsonNode name = data.get("host-name");
    if (name == null || !name.isTextual()) {
      throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: 'host-name' missing in guest-get-host-name reply");
    }
    return name.asText();
  }

  /** {@code virDomainInterfaceAddresses} with the agent source: libvirt's reading of the reply, aliases merged. */
  List<DomainInterfaceAddress> interfaceAddresses(String op, FakeHypervisorState.Dom d) {
    available(op, d);
    JsonNode reply = exchange(op, d, request("guest-network-get-interfaces"), -1);
    JsonNode data = reply.get("return");
    if (data == null || !data.isArray()) {
      throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: qemu agent didn't return an array of interfaces");
    }
    Map<String, String> macs = new LinkedHashMap<>();
    Map<String, List<DomainIpAddress>> ips = new LinkedHashMap<>();
    for (JsonNode iface : data) {
      JsonNode n = iface.get("name");
      if (n == null || !n.isTextual()) throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: qemu agent didn't provide 'name' field");
      String full = n.asText();
      String name = full.contains(":") ? full.substring(0, full.indexOf(':')) : full;   // eth0:1 is an alias of eth0
      if (!ips.containsKey(name)) {
        ips.put(name, new ArrayList<>());
        JsonNode hw = iface.get("hardware-address");
        macs.put(name, hw != null && hw.isTextual() ? hw.asText() : null);
      }
      JsonNode addrs = iface.get("ip-addresses");
      if (addrs == null) continue;
      if (!addrs.isArray()) throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: Malformed ip-addresses array");
      for (JsonNode a : addrs) {
        JsonNode type = a.get("ip-address-type");
        if (type == null || !type.isTextual()) {
          throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: qemu agent didn't provide 'ip-address-type' field for interface '" + full + "'");
        }
        if (!type.asText().equals("ipv4") && !type.asText().equals("ipv6")) {
          throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: unknown ip address type '" + type.asText() + "'");
        }
        JsonNode ip = a.get("ip-address");
        if (ip == null || !ip.isTextual()) {
          throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: qemu agent didn't provide 'ip-address' field for interface '" + full + "'");
        }
        JsonNode prefix = a.get("prefix");
        if (prefix == null || !prefix.canConvertToInt() || prefix.asInt() < 0) {
          throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: malformed 'prefix' field");
        }
        ips.get(name).add(new DomainIpAddress(type.asText(), ip.asText(), prefix.asInt()));
      }
    }
    List<DomainInterfaceAddress> out = new ArrayList<>();
    for (Map.Entry<String, List<DomainIpAddress>> e : ips.entrySet()) {
      out.add(new DomainInterfaceAddress(e.getKey(), Optional.ofNullable(macs.get(e.getKey())), e.getValue()));
    }
    return out;
  }

  /** {@code live} with {@code state='connected'} or {@code 'disconnected'} on the agent channel's target, as libvirt reports it. */
  static DomainSpec withChannelState(DomainSpec live, boolean connected) {
    if (!GuestAgent.isConfigured(live)) return live;
    String state = connected ? "connected" : "disconnected";
    List<io.kvmsdk.core.domain.Channel> channels = new ArrayList<>();
    for (io.kvmsdk.core.domain.Channel c : live.devices().channels()) {
      boolean agent = c.target().map(t -> t.type().orElse("").equals("virtio") && t.name().orElse("").equals(GuestAgent.NAME)).orElse(false);
      channels.add(agent ? c.withTarget(c.target().get().copy(t -> t.state(state))) : c);
    }
    return live.copy(b -> b.devices(dv -> dv.channels(channels)));
  }

  /** {@code qemuDomainAgentAvailable}: running (not paused), no earlier unreadable reply, channel configured, agent connected. */
  private void available(String op, FakeHypervisorState.Dom d) {
    if (d.state != DomainState.RUNNING) {
      throw error(op, "VIR_ERR_OPERATION_INVALID", 55, "Requested operation is not valid: domain is not running");
    }
    if (brokenInBoot == d.id) {
      throw error(op, "VIR_ERR_AGENT_UNRESPONSIVE", 86, "Guest agent is not responding: QEMU guest agent is not available due to an error");
    }
    if (!GuestAgent.isConfigured(d.live)) {
      throw error(op, "VIR_ERR_ARGUMENT_UNSUPPORTED", 74, "argument unsupported: QEMU guest agent is not configured");
    }
    if (!connected) throw error(op, "VIR_ERR_AGENT_UNRESPONSIVE", 86, "Guest agent is not responding: QEMU guest agent is not connected");
  }

  /**
   * libvirt's {@code guest-sync} (waiting up to 5 s for an agent still busy with an earlier command)
   * then the command, in fake time; returns the reply or throws libvirt's error for it.
   */
  private JsonNode exchange(String op, FakeHypervisorState.Dom d, JsonNode request, int timeoutSeconds) {
    received.add(request.toString());
    Duration syncWait = Duration.ofSeconds(DEFAULT_WAIT_SECONDS);
    if (hung) {
      clock.advance(syncWait);
      throw notAvailable(op);
    }
    if (busyUntil != null && busyUntil.isAfter(clock.instant())) {
      Duration left = Duration.between(clock.instant(), busyUntil);
      if (left.compareTo(syncWait) >= 0) {
        clock.advance(syncWait);
        throw notAvailable(op);
      }
      clock.advance(left);
    }
    JsonNode exec = request.get("execute");
    String name = exec != null && exec.isTextual() ? exec.asText() : null;
    Duration delay = name == null ? Duration.ZERO : delays.getOrDefault(name, Duration.ZERO);
    if (timeoutSeconds != -2) {
      Duration wait = Duration.ofSeconds(timeoutSeconds == -1 ? DEFAULT_WAIT_SECONDS : timeoutSeconds);
      if (delay.compareTo(wait) > 0) {
        busyUntil = clock.instant().plus(delay);
        clock.advance(wait);
        throw notAvailable(op);
      }
    }
    clock.advance(delay);
    UnaryOperator<String> handler = name == null ? null : replies.get(name);
    String text = handler != null ? handler.apply(request.toString()) : defaultReply(name, request, d.live);
    JsonNode reply;
    try {
      reply = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the programmed reply to " + name + " is not JSON: " + text, e);
    }
    String shown = name == null ? "<unknown>" : name;
    JsonNode err = reply == null ? null : reply.get("error");
    if (err != null) {
      throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: unable to execute QEMU agent command '" + shown + "': " + describe(err));
    }
    if (reply == null || !reply.has("return")) {
      brokenInBoot = d.id;   // libvirt marks the agent broken until the guest reconnects it or the domain restarts
      throw error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: Unknown JSON reply '" + text + "'");
    }
    return reply;
  }

  /** libvirt's {@code qemuAgentStringifyError}: the QMP error's {@code desc}, else its class in words. */
  private static String describe(JsonNode error) {
    JsonNode desc = error.get("desc");
    if (desc != null && desc.isTextual()) return desc.asText();
    JsonNode cls = error.get("class");
    String c = cls != null && cls.isTextual() ? cls.asText() : null;
    if (c == null) return "unknown QEMU command error";
    return switch (c) {
      case "BufferOverrun" -> "Buffer overrun";
      case "CommandDisabled" -> "The command has been disabled for this instance";
      case "CommandNotFound" -> "The command has not been found";
      case "FdNotFound" -> "File descriptor not found";
      case "InvalidParameter" -> "Invalid parameter";
      case "InvalidParameterType" -> "Invalid parameter type";
      case "InvalidParameterValue" -> "Invalid parameter value";
      case "OpenFileFailed" -> "Cannot open file";
      case "QgaCommandFailed" -> "Guest agent command failed";
      case "QMPBadInputObjectMember" -> "Bad QMP input object member";
      case "QMPExtraInputObjectMember" -> "Unexpected extra object member";
      case "UndefinedError" -> "An undefined error has occurred";
      case "Unsupported" -> "this feature or command is not currently supported";
      default -> c;
    };
  }

  // ------------------------------------------------------------------ the agent's default answers

  private String defaultReply(String name, JsonNode request, DomainSpec live) {
    ObjectNode reply = JSON.createObjectNode();
    if (!request.isObject()) return qmpError("GenericError", "QMP input must be a JSON object");
    if (name == null) return qmpError("GenericError", "QMP input lacks member 'execute'");
    switch (name) {
      case "guest-ping" -> reply.putObject("return");
      case "guest-sync", "guest-sync-delimited" -> {
        JsonNode id = request.path("arguments").get("id");
        if (id == null) return qmpError("GenericError", "Parameter 'id' is missing");
        reply.set("return", id);
      }
      case "guest-info" -> {
        ObjectNode r = reply.putObject("return");
        r.put("version", "7.2.0");
        ArrayNode cmds = r.putArray("supported_commands");
        List<String> names = new ArrayList<>(DEFAULT_COMMANDS);
        for (String extra : replies.keySet()) if (!names.contains(extra)) names.add(extra);
        names.sort(null);
        for (String c : names) cmds.addObject().put("enabled", true).put("name", c).put("success-response", true);
      }
      case "guest-get-host-name" -> reply.putObject("return").put("host-name", hostname != null ? hostname : domain);
      case "guest-network-get-interfaces" -> {
        ArrayNode r = reply.putArray("return");
        for (DomainInterfaceAddress i : interfaces != null ? interfaces : derivedInterfaces(live)) {
          ObjectNode o = r.addObject();
          o.put("name", i.name());
          ArrayNode ips = o.putArray("ip-addresses");
          for (DomainIpAddress a : i.addresses()) {
            ips.addObject().put("ip-address-type", a.type()).put("ip-address", a.address()).put("prefix", a.prefix());
          }
          i.mac().ifPresent(m -> o.put("hardware-address", m));
        }
      }
      case "guest-get-osinfo" -> reply.putObject("return").put("name", "Fedora Linux").put("kernel-release", "6.5.6-300.fc39.x86_64")
          .put("version", "39 (Server Edition)").put("pretty-name", "Fedora Linux 39 (Server Edition)").put("version-id", "39")
          .put("kernel-version", "#1 SMP PREEMPT_DYNAMIC Fri Oct  6 19:57:21 UTC 2023").put("machine", "x86_64").put("id", "fedora");
      case "guest-get-time" -> {
        java.time.Instant now = clock.instant();
        reply.put("return", now.getEpochSecond() * 1_000_000_000L + now.getNano());
      }
      default -> {
        return qmpError("CommandNotFound", "The command " + name + " has not been found");
      }
    }
    return reply.toString();
  }

  private static String qmpError(String cls, String desc) {
    ObjectNode o = JSON.createObjectNode();
    o.putObject("error").put("class", cls).put("desc", desc);
    return o.toString();
  }

  /** {@code lo}, then {@code ethN} per {@code <interface>}: its MAC (or one derived from the domain), a 192.168.122.x/24 and its fe80:: address. */
  private List<DomainInterfaceAddress> derivedInterfaces(DomainSpec live) {
    List<DomainInterfaceAddress> out = new ArrayList<>();
    out.add(DomainInterfaceAddress.of("lo", "00:00:00:00:00:00", DomainIpAddress.ipv4("127.0.0.1", 8), DomainIpAddress.ipv6("::1", 128)));
    List<Nic> nics = live.devices().interfaces();
    byte[] h = UUID.nameUUIDFromBytes(domain.getBytes(StandardCharsets.UTF_8)).toString().getBytes(StandardCharsets.UTF_8);
    int base = 2 + Math.floorMod(java.util.Arrays.hashCode(h), 200);
    for (int i = 0; i < nics.size(); i++) {
      int n = i;
      String mac = nics.get(i).mac().flatMap(m -> m.address()).orElseGet(() -> String.format("52:54:00:%02x:%02x:%02x",
          Math.floorMod(h[0] * 31 + h[1], 256), Math.floorMod(h[2] * 31 + h[3], 256), n & 0xff)).toLowerCase(java.util.Locale.ROOT);
      out.add(DomainInterfaceAddress.of("eth" + i, mac, DomainIpAddress.ipv4("192.168.122." + (base + i), 24),
          DomainIpAddress.ipv6(linkLocal(mac), 64)));
    }
    return out;
  }

  /** The EUI-64 link-local address of {@code mac}: {@code 52:54:00:12:34:56} gives {@code fe80::5054:ff:fe12:3456}. */
  static String linkLocal(String mac) {
    String[] o = mac.split(":");
    int[] b = new int[6];
    for (int i = 0; i < 6; i++) b[i] = Integer.parseInt(o[i], 16);
    int[] g = {(b[0] ^ 0x02) << 8 | b[1], b[2] << 8 | 0xff, 0xfe << 8 | b[3], b[4] << 8 | b[5]};
    StringBuilder s = new StringBuilder("fe80:");
    for (int x : g) s.append(':').append(Integer.toHexString(x));
    return s.toString();
  }

  // ------------------------------------------------------------------ helpers

  private static JsonNode request(String command) {
    ObjectNode o = JSON.createObjectNode();
    o.put("execute", command);
    return o;
  }

  private static void checkReply(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      if (n == null || !n.isObject()) throw new IllegalArgumentException("a guest agent reply is a JSON object, got: " + json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a guest agent reply must be JSON, got: " + json, e);
    }
  }

  private static LibvirtException error(String op, String code, int number, String message) {
    return new LibvirtException(op, code, number, "VIR_FROM_QEMU", 10, message, false, null);
  }

  private static LibvirtException notAvailable(String op) {
    return error(op, "VIR_ERR_AGENT_UNRESPONSIVE", 86, "Guest agent is not responding: Guest agent not available for now");
  }
}
