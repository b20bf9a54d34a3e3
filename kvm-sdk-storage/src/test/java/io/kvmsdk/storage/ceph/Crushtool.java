package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real crushtool (Ceph Pacific), as an oracle for the tests. */
final class Crushtool {
  private Crushtool() {}

  static final Path BIN = Path.of("/usr/bin/crushtool");

  static void require() { Oracles.require(Files.isExecutable(BIN), "crushtool (ceph-base) is not installed"); }

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(BIN.toString());
    cmd.addAll(Arrays.asList(args));
    try {
      Path out = Files.createTempFile("crushtool", ".out");
      Path err = Files.createTempFile("crushtool", ".err");
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("crushtool timed out: " + cmd);
      }
      Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path temp(String suffix) {
    try {
      Path p = Files.createTempFile("crush", suffix);
      p.toFile().deleteOnExit();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** crushtool -c: the compiled map, or an AssertionError with crushtool's message. */
  static Path compile(String text) {
    Path src = temp(".txt");
    Path bin = temp(".bin");
    try {
      Files.writeString(src, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Result r = run("-c", src.toString(), "-o", bin.toString());
    if (r.exit != 0) throw new AssertionError("crushtool -c refused the map (" + r.exit + "): " + r.err + r.out + "\n" + text);
    return bin;
  }

  static String decompile(Path bin) {
    Path out = temp(".txt");
    Result r = run("-d", bin.toString(), "-o", out.toString());
    if (r.exit != 0) throw new AssertionError("crushtool -d failed: " + r.err);
    try {
      return Files.readString(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** crushtool --build --num_osds N layer... (then -d). */
  static String build(int osds, String... layers) {
    Path bin = temp(".bin");
    List<String> a = new ArrayList<>(List.of("--build", "--num_osds", String.valueOf(osds)));
    a.addAll(Arrays.asList(layers));
    a.add("-o");
    a.add(bin.toString());
    Result r = run(a.toArray(new String[0]));
    if (r.exit != 0) throw new AssertionError("crushtool --build failed: " + r.err + r.out);
    return decompile(bin);
  }

  /** crushtool --test --num-rep N over every rule: rule id -> one int[] per x from minX (rules it skips are absent). */
  static Map<Integer, List<int[]>> mappingsAllRules(Path bin, int numRep, int minX, int maxX, Map<Integer, Double> weights) {
    List<String> a = new ArrayList<>(List.of("-i", bin.toString(), "--test", "--num-rep", String.valueOf(numRep),
        "--min-x", String.valueOf(minX), "--max-x", String.valueOf(maxX), "--show-mappings"));
    weights.forEach((o, w) -> {
      a.add("--weight");
      a.add(String.valueOf(o));
      a.add(String.valueOf(w));
    });
    Result r = run(a.toArray(new String[0]));
    if (r.exit != 0) throw new AssertionError("crushtool --test failed: " + r.err);
    Map<Integer, List<int[]>> out = new java.util.TreeMap<>();
    for (String line : (r.out + r.err).split("\n")) {
      if (!line.startsWith("CRUSH rule ")) continue;
      String[] parts = line.split(" ", 6);
      int rule = Integer.parseInt(parts[2]);
      int x = Integer.parseInt(parts[4]);
      List<int[]> l = out.computeIfAbsent(rule, k -> new ArrayList<>());
      if (x != minX + l.size()) throw new AssertionError("unexpected x " + x + ": " + line);
      String list = parts[5].substring(1, parts[5].length() - 1);
      l.add(list.isEmpty() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray());
    }
    return out;
  }

  /** The mappings crushtool --test --show-mappings prints, one int[] per x from minX. */
  static List<int[]> mappings(Path bin, int rule, int numRep, int minX, int maxX, Map<Integer, Double> weights) {
    List<String> a = new ArrayList<>(List.of("-i", bin.toString(), "--test", "--rule", String.valueOf(rule), "--num-rep", String.valueOf(numRep),
        "--min-x", String.valueOf(minX), "--max-x", String.valueOf(maxX), "--show-mappings"));
    weights.forEach((o, w) -> {
      a.add("--weight");
      a.add(String.valueOf(o));
      a.add(String.valueOf(w));
    });
    Result r = run(a.toArray(new String[0]));
    if (r.exit != 0) throw new AssertionError("crushtool --test failed: " + r.err);
    String text = r.out + r.err;
    List<int[]> out = new ArrayList<>();
    int expectX = minX;
    for (String line : text.split("\n")) {
      if (!line.startsWith("CRUSH rule ")) continue;
      String[] parts = line.split(" ", 6);
      int x = Integer.parseInt(parts[4]);
      if (x != expectX) throw new AssertionError("unexpected x " + x + " (wanted " + expectX + "): " + line);
      expectX++;
      String list = parts[5].substring(1, parts[5].length() - 1);
      out.add(list.isEmpty() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray());
    }
    if (out.size() != maxX - minX + 1) throw new AssertionError("crushtool printed " + out.size() + " mappings, wanted " + (maxX - minX + 1));
    return out;
  }
}
