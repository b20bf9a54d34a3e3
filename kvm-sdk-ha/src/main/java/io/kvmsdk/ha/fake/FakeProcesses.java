package io.kvmsdk.ha.fake;

import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The daemons the fake HA tools started on a host (pid, program, the configuration it loaded); gone after a reboot. */
public final class FakeProcesses implements FakeToolState<FakeProcesses> {
  public static final FakeToolSlot<FakeProcesses> SLOT = FakeToolSlot.of("processes", FakeProcesses::new);

  /** One process. */
  public record Process(int pid, String program, String configFile, String loadedConfig, List<String> pidFiles, int reloads) {}

  private final Map<Integer, Process> byPid = new TreeMap<>();
  private int nextPid = 4000;

  public Optional<Process> get(int pid) { return Optional.ofNullable(byPid.get(pid)); }

  public List<Process> all() { return List.copyOf(byPid.values()); }

  /** The processes running {@code program}. */
  public List<Process> of(String program) { return byPid.values().stream().filter(p -> p.program().equals(program)).toList(); }

  int nextPid() { return nextPid++; }

  void put(Process p) { byPid.put(p.pid(), p); }

  void remove(int pid) { byPid.remove(pid); }

  @Override public FakeProcesses copy() {
    FakeProcesses c = new FakeProcesses();
    c.byPid.putAll(byPid);
    c.nextPid = nextPid;
    return c;
  }

  @Override public List<String> describe() {
    List<String> out = new ArrayList<>();
    byPid.values().forEach(p -> out.add("pid " + p.pid() + " " + p.program() + " " + p.configFile() + " reloads " + p.reloads()));
    return out;
  }
}
