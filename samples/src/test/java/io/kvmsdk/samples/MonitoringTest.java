package io.kvmsdk.samples;

import static io.kvmsdk.core.testing.PrometheusText.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 12 on fake hosts hv1 and hv2: the endpoint scraped over HTTP, a host whose reads fail, a port in use, the rules file. */
@EnableFakeKvm
class MonitoringTest {
  @EnableFakeKvm.Host("hv1") Kvm kvm1;
  @EnableFakeKvm.Host("hv2") Kvm kvm2;
  @EnableFakeKvm.Host("hv2") FakeHypervisor fake2;
  @TempDir Path tmp;

  static HttpResponse<String> get(URI uri, String method) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  void guests() {
    kvm1.domains().define(DomainSpec.builder().type("kvm").name("web1").vcpus(2).memory(Size.mib(512)).osType("hvm").build()).start();
    kvm2.domains().define(DomainSpec.builder().type("kvm").name("db1").vcpus(4).memory(Size.mib(1024)).osType("hvm").build()).start();
    kvm2.domains().define(DomainSpec.builder().type("kvm").name("db2").vcpus(1).memory(Size.mib(256)).osType("hvm").build());
  }

  @Test void bothHostsAreScrapedOverHttpWithTheirHostTags() throws Exception {
    guests();
    try (Monitoring.Endpoint e = Monitoring.Endpoint.serve(Map.of("hv1", kvm1, "hv2", kvm2), 0)) {
      assertThat(e.address().getAddress().isLoopbackAddress()).as("listens on the loopback address only").isTrue();
      assertThat(e.uri()).hasToString("http://127.0.0.1:" + e.port() + "/metrics");

      HttpResponse<String> res = get(e.uri(), "GET");

      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      Map<String, Double> s = samples(res.body());
      assertThat(s).containsEntry("kvm_host_up{host=\"hv1\"}", 1.0).containsEntry("kvm_host_up{host=\"hv2\"}", 1.0)
          .containsEntry("kvm_host_domains{host=\"hv2\"}", 2.0).containsEntry("kvm_host_domains_running{host=\"hv2\"}", 1.0)
          .containsEntry("kvm_domain_state{guest=\"web1\",host=\"hv1\"}", 1.0).containsEntry("kvm_domain_state{guest=\"db1\",host=\"hv2\"}", 1.0)
          .containsEntry("kvm_domain_state{guest=\"db2\",host=\"hv2\"}", 5.0).containsEntry("kvm_domain_vcpus{guest=\"db1\",host=\"hv2\"}", 4.0)
          .containsEntry("kvm_host_scrape_errors_total{host=\"hv1\"}", 0.0);
      assertThat(s.keySet()).noneMatch(k -> k.contains("guest=\"web1\",host=\"hv2\""));
      assertThat(res.body()).contains("# TYPE kvm_domain_vcpu_seconds_total counter");

      assertThat(get(URI.create("http://127.0.0.1:" + e.port() + "/"), "GET").statusCode()).isEqualTo(404);
      HttpResponse<String> post = get(e.uri(), "POST");
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
      assertThat(e.registry().scrape()).contains("kvm_host_up{host=\"hv1\"} 1");
    }
  }

  @Test void aHostWhoseReadsFailKeepsTheOthersServedAndCountsItsErrors() throws Exception {
    guests();
    try (Monitoring.Endpoint e = Monitoring.Endpoint.serve(Map.of("hv1", kvm1, "hv2", kvm2), 0)) {
      fake2.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("allDomainStats")));
      fake2.clock().advance(Duration.ofSeconds(5));   // past maxAge: the next scrape reads again

      HttpResponse<String> res = get(e.uri(), "GET");

      assertThat(res.statusCode()).isEqualTo(200);
      Map<String, Double> s = samples(res.body());
      assertThat(s).containsEntry("kvm_host_up{host=\"hv1\"}", 1.0).containsEntry("kvm_domain_state{guest=\"web1\",host=\"hv1\"}", 1.0)
          .containsEntry("kvm_host_up{host=\"hv2\"}", 0.0);
      assertThat(s.get("kvm_host_scrape_errors_total{host=\"hv2\"}")).isGreaterThanOrEqualTo(1.0);
      assertThat(s).containsEntry("kvm_host_scrape_errors_total{host=\"hv1\"}", 0.0);

      fake2.clearFaults();
      fake2.clock().advance(Duration.ofSeconds(5));
      assertThat(samples(get(e.uri(), "GET").body())).containsEntry("kvm_host_up{host=\"hv2\"}", 1.0)
          .containsEntry("kvm_domain_state{guest=\"db1\",host=\"hv2\"}", 1.0);
    }
  }

  @Test void theRecipeScrapesItselfOncePrintsAndStops() throws Exception {
    RecipeRun run = RecipeRun.of(Monitoring.recipe(), Monitoring::body, "--port", "0");

    assertThat(run.status()).as(run.toString()).isZero();
    Matcher m = Pattern.compile("# serving (http://127\\.0\\.0\\.1:(\\d+)/metrics) \\(hosts hv1, hv2\\)").matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    assertThat(run.out()).contains("  kvm_host_up{host=\"hv1\"} 1.0", "  kvm_host_up{host=\"hv2\"} 1.0", "  kvm_domain_state{guest=\"web1\",host=\"hv1\"} 1.0",
        "  kvm_domain_state{guest=\"db1\",host=\"hv2\"} 1.0").contains("# stopped (add --serve to keep serving)");
    try (ServerSocket again = new ServerSocket(Integer.parseInt(m.group(2)), 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.isBound()).as("the port was given back").isTrue();
    }
  }

  @Test void realHostsAreTaggedByTheirUrisHostUnlessTwoUrisNameTheSameHost() {
    guests();

    RecipeRun tagged = RecipeRun.of(Monitoring.recipe(), Monitoring::body, "--uri", "fake:///hv2", "--uri", "fake:///hv1", "--port", "0");

    assertThat(tagged.status()).as(tagged.toString()).isZero();
    assertThat(tagged.out()).contains("(hosts hv2, hv1)").contains("  kvm_domain_state{guest=\"db1\",host=\"hv2\"} 1.0");

    RecipeRun same = RecipeRun.of(Monitoring.recipe(), Monitoring::body, "--uri", "fake:///hv2", "--uri", "fake:///hv2", "--port", "0");

    assertThat(same.status()).as(same.toString()).isZero();
    assertThat(same.out()).contains("(hosts hv1, hv2)").contains("  kvm_domain_state{guest=\"db1\",host=\"hv1\"} 1.0")
        .contains("  kvm_domain_state{guest=\"db1\",host=\"hv2\"} 1.0");
  }

  @Test void withServeItServesUntilInterrupted() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicInteger status = new AtomicInteger(-1);
    Thread t = new Thread(() -> status.set(Monitoring.recipe().run(new String[] {"--port", String.valueOf(port), "--serve"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        Monitoring::body)));
    t.start();
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!out.toString(StandardCharsets.UTF_8).contains("# serving until Ctrl-C") && System.nanoTime() < until) Thread.sleep(10);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("# serving until Ctrl-C").contains("'127.0.0.1:" + port + "'");

      HttpResponse<String> res = get(URI.create("http://127.0.0.1:" + port + "/metrics"), "GET");
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.body()).contains("kvm_host_up{host=\"hv2\"} 1");
    } finally {
      t.interrupt();
      t.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(status.get()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("# stopped\n");
  }

  @Test void aPortInUseStopsWithOneLineAndExit2() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      RecipeRun run = RecipeRun.of(Monitoring.recipe(), Monitoring::body, "--port", String.valueOf(taken.getLocalPort()));

      assertThat(run.status()).as(run.toString()).isEqualTo(2);
      assertThat(run.oneErrorLine()).as(run.err()).isTrue();
      assertThat(run.err()).startsWith("Monitoring: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ").contains("in use")
          .contains("--port 0 for any free one");
      assertThatThrownBy(() -> Monitoring.Endpoint.serve(Map.of("hv1", kvm1), taken.getLocalPort())).isInstanceOf(UncheckedIOException.class);
    }
    // nothing left bound: the same host's metrics bind to a new endpoint
    try (Monitoring.Endpoint e = Monitoring.Endpoint.serve(Map.of("hv1", kvm1), 0)) {
      assertThat(e.registry().scrape()).contains("kvm_host_up{host=\"hv1\"} 1");
    }
  }

  @Test void badPortsAndOptionsAreOneLineAndExit2() {
    for (String[] args : new String[][] {{"--port", "http"}, {"--port", "70000"}, {"--port", "-1"}, {"--port"}, {"--rules"}, {"--serve", "yes"}}) {
      RecipeRun run = RecipeRun.of(Monitoring.recipe(), Monitoring::body, args);
      assertThat(run.status()).as(String.join(" ", args) + "\n" + run).isEqualTo(2);
      assertThat(run.oneErrorLine()).as(run.err()).isTrue();
      assertThat(run.out()).doesNotContain("# serving");
    }
    assertThat(RecipeRun.of(Monitoring.recipe(), Monitoring::body, "--port", "70000").err())
        .isEqualTo("Monitoring: --port must be a whole number from 0 to 65535, got '70000'\n");
    assertThat(RecipeRun.of(Monitoring.recipe(), Monitoring::body, "--help").out())
        .contains("usage: Monitoring [--uri URI (at least 1 time) [--apply]] [--port N] [--serve] [--rules FILE]");
    assertThatThrownBy(() -> Monitoring.Endpoint.serve(Map.of("hv1", kvm1), 65536)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo("port"));
    assertThatThrownBy(() -> Monitoring.Endpoint.serve(Map.of(), 0)).isInstanceOf(InvalidSpecException.class);
  }

  @Test void theRulesFileHoldsTheKvmAndHaAlerts() throws Exception {
    Path file = tmp.resolve("kvm-rules.yml");

    RecipeRun run = RecipeRun.of(Monitoring.recipe(), Monitoring::body, "--rules", file.toString(), "--port", "0");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("# wrote 6 alert rules (groups kvm-sdk, kvm-sdk-ha) to " + file);
    String yaml = Files.readString(file);
    assertThat(yaml).isEqualTo(Monitoring.rules().toYaml()).startsWith("groups:\n  - name: \"kvm-sdk\"\n")
        .contains("  - name: \"kvm-sdk-ha\"\n")
        .contains("- alert: \"KvmGuestDown\"", "- alert: \"KvmHostDown\"", "- alert: \"KvmHostMemoryHigh\"", "- alert: \"KvmHaVipOwnerChanged\"",
            "- alert: \"KvmHaPacemakerResourceFailed\"")
        .contains("expr: \"kvm_host_up == 0\"");

    RecipeRun nowhere = RecipeRun.of(Monitoring.recipe(), Monitoring::body, "--rules", tmp.resolve("no/such/dir/r.yml").toString());
    assertThat(nowhere.status()).isEqualTo(2);
    assertThat(nowhere.oneErrorLine()).as(nowhere.err()).isTrue();
    assertThat(nowhere.err()).startsWith("Monitoring: cannot write the alert rules to ").endsWith(": no such file or directory\n");
  }

  @Test void promtoolAcceptsTheRulesFile() throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    boolean required = Boolean.getBoolean("kvmsdk.requireTools");
    if (!required) Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool is not installed");
    Path file = tmp.resolve("kvm-rules.yml");
    Files.writeString(file, Monitoring.rules().toYaml());

    Process p = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString()).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(said).isZero();
    assertThat(said).contains("SUCCESS: 6 rules found");
  }
}
