package io.kvmsdk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Prometheus text exposition in tests (metrics of KvmMetrics, the Monitoring recipe's endpoint). */
public final class PrometheusText {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (\\S+)$");

  private PrometheusText() {}

  /** Sample lines by series (name and labels) to value; fails on a line that is no sample and on a series twice (promtool does not). */
  public static Map<String, Double> samples(String exposition) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("a sample line: " + line).isTrue();
      String series = m.group(1) + (m.group(2) == null ? "" : m.group(2));
      assertThat(out.put(series, Double.valueOf(m.group(3)))).as("series twice: " + series).isNull();
    }
    return out;
  }
}
