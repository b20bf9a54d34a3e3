package io.kvmsdk.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.metrics.AlertRules;
import io.kvmsdk.core.metrics.KvmAlerts;
import io.kvmsdk.core.metrics.KvmMetrics;
import io.kvmsdk.ha.alerts.HaAlerts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Chapter 12: every host's and guest's metrics ({@link KvmMetrics}) on one Prometheus endpoint,
 * {@code http://127.0.0.1:PORT/metrics}, served by the JDK's HTTP server, and the alert rules of
 * {@link KvmAlerts} and {@link HaAlerts} as a Prometheus rules file.
 *
 * <pre>
 * Monitoring                        fake hosts hv1, hv2: start, scrape itself once, print a few lines, stop
 * Monitoring --uri URI ... --serve  real hosts (one or more --uri), served until Ctrl-C
 * Monitoring --port N               where to listen (default 9177; 0: any free port); only 127.0.0.1
 * Monitoring --rules FILE           also writes the alert rules (promtool check rules FILE)
 * </pre>
 *
 * <p>One registry for all hosts: every meter is tagged {@code host}. A host whose statistics cannot
 * be read keeps the endpoint serving the others: its {@code kvm_host_up} is 0 and its
 * {@code kvm_host_scrape_errors_total} counts the failed reads. It listens on the loopback address
 * only: put a reverse proxy (TLS, authentication) in front to let a Prometheus on another machine in.
 */
public final class Monitoring {
  /** The default port (the libvirt exporters' customary one). */
  public static final int DEFAULT_PORT = 9177;

  private Monitoring() {}

  /** The rules file: {@link KvmAlerts#defaults()} as group {@code kvm-sdk}, the two {@link HaAlerts} as {@code kvm-sdk-ha}. */
  public static AlertRules rules() {
    return AlertRules.builder().group("kvm-sdk", KvmAlerts.defaults().rules())
        .group("kvm-sdk-ha", HaAlerts.vipOwnerChanged(Duration.ofMinutes(10)), HaAlerts.pacemakerResourceFailed(Duration.ofMinutes(1)))
        .build();
  }

  /**
   * {@code /metrics} of a {@link PrometheusMeterRegistry} holding the {@link KvmMetrics} of some hosts,
   * on {@code 127.0.0.1}. Each scrape reads fresh statistics (one bulk call per host).
   *
   * <pre>{@code
   * try (Monitoring.Endpoint e = Monitoring.Endpoint.serve(Map.of("hv1", hv1, "hv2", hv2), 9177)) {
   *   System.out.println(e.uri());   // http://127.0.0.1:9177/metrics
   *   ...
   * }
   * }</pre>
   */
  public static final class Endpoint implements AutoCloseable {
    private final HttpServer server;
    private final PrometheusMeterRegistry registry;
    private final List<KvmMetrics> metrics;

    private Endpoint(HttpServer server, PrometheusMeterRegistry registry, List<KvmMetrics> metrics) {
      this.server = server;
      this.registry = registry;
      this.metrics = metrics;
    }

    /**
     * Binds the metrics of {@code hosts} (the map's keys become the {@code host} tags) to a new registry
     * and serves it on {@code 127.0.0.1:port} ({@code 0}: any free port).
     *
     * @throws InvalidSpecException for no hosts, a bad tag or a port outside 0..65535
     * @throws UncheckedIOException when the port cannot be listened on (in use, not allowed); nothing is left bound
     */
    public static Endpoint serve(Map<String, Kvm> hosts, int port) {
      Objects.requireNonNull(hosts, "hosts");
      if (hosts.isEmpty()) throw new InvalidSpecException("hosts", "needs at least one host to serve");
      if (port < 0 || port > 65535) throw new InvalidSpecException("port", "must be 0 (any free port) to 65535, got " + port);
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      List<KvmMetrics> bound = new ArrayList<>();
      HttpServer server = null;
      try {
        for (Map.Entry<String, Kvm> h : hosts.entrySet()) {
          KvmMetrics m = KvmMetrics.builder(h.getValue()).host(h.getKey()).build();
          bound.add(m);
          m.bindTo(registry);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", ex -> answer(ex, registry));
        server.start();
        return new Endpoint(server, registry, List.copyOf(bound));
      } catch (IOException e) {
        close(bound, registry);
        throw new UncheckedIOException("cannot listen on " + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        if (server != null) server.stop(0);
        close(bound, registry);
        throw e;
      }
    }

    private static void answer(HttpExchange ex, PrometheusMeterRegistry registry) throws IOException {
      try (ex) {
        int status;
        String body;
        String type = "text/plain; charset=utf-8";
        if (!ex.getRequestURI().getPath().equals("/metrics")) {
          status = 404;
          body = "not found: the metrics are at /metrics\n";
        } else if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
          status = 405;
          body = "method not allowed: GET /metrics\n";
          ex.getResponseHeaders().set("Allow", "GET, HEAD");
        } else {
          try {
            body = registry.scrape();
            status = 200;
            type = "text/plain; version=0.0.4; charset=utf-8";
          } catch (RuntimeException e) {
            status = 500;
            body = "scrape failed: " + Recipe.cause(e) + "\n";
          }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
          try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
          }
        }
      }
    }

    private static void close(List<KvmMetrics> bound, PrometheusMeterRegistry registry) {
      bound.forEach(KvmMetrics::close);
      registry.close();
    }

    /** Where Prometheus scrapes: {@code http://127.0.0.1:PORT/metrics}. */
    public URI uri() { return URI.create("http://" + address().getAddress().getHostAddress() + ":" + port() + "/metrics"); }

    /** The port it listens on (the one chosen when asked for 0). */
    public int port() { return address().getPort(); }

    /** The address it listens on: always the loopback address. */
    public InetSocketAddress address() { return server.getAddress(); }

    /** The registry, to add meters of your own or scrape without HTTP. */
    public PrometheusMeterRegistry registry() { return registry; }

    /** Stops serving, unbinds the metrics (the connections stay open: they are the caller's). */
    @Override public void close() {
      server.stop(0);
      close(metrics, registry);
    }

    @Override public String toString() { return "Monitoring.Endpoint[" + uri() + ", hosts " + metrics.stream().map(KvmMetrics::host).toList() + "]"; }
  }

  public static void main(String[] args) {
    recipe().main(args, Monitoring::body);
  }

  static Recipe recipe() {
    return Recipe.named("Monitoring").fleet(1, "hv1", "hv2")
        .option("--port", "N", "where to listen on 127.0.0.1 (default " + DEFAULT_PORT + ", 0: any free port)")
        .flag("--serve", "keep serving until Ctrl-C (else: scrape once, print, stop)")
        .option("--rules", "FILE", "write the alert rules there");
  }

  static int body(Recipe r) {
    int port = r.intValue("--port", 0, 65535, DEFAULT_PORT);
    if (r.value("--rules").isPresent()) {
      Path file = Path.of(r.value("--rules").get());
      AlertRules rules = rules();
      try {
        Files.writeString(file, rules.toYaml());
      } catch (IOException | RuntimeException e) {
        throw new Recipe.Stop("cannot write the alert rules to " + file + ": " + Recipe.cause(e));
      }
      r.say("# wrote " + rules.rules().size() + " alert rules (groups " + String.join(", ", rules.groups().keySet()) + ") to " + file
          + "; check them with: promtool check rules " + file);
    }
    // host tags: the URIs' hosts (qemu+ssh://root@hv7/system: hv7); when two URIs name the same host
    // (two local sockets), the recipe's names hv1, hv2, ... for all
    Map<String, Kvm> byName = new LinkedHashMap<>();
    Map<String, Kvm> byUri = new LinkedHashMap<>();
    for (String name : r.hostNames()) {
      Kvm kvm = r.kvm(name);
      if (r.fake() && kvm.domains().list().isEmpty()) {
        kvm.domains().define(DomainSpec.builder().type("kvm").name(name.equals("hv1") ? "web1" : "db1").vcpus(2).memory(Size.mib(512)).osType("hvm")
            .build()).start();
      }
      byName.put(name, kvm);
      byUri.put(KvmMetrics.of(kvm).host(), kvm);
    }
    Map<String, Kvm> hosts = r.fake() || byUri.size() < byName.size() ? byName : byUri;
    Endpoint endpoint;
    try {
      endpoint = Endpoint.serve(hosts, port);
    } catch (UncheckedIOException e) {
      throw new Recipe.Stop(e.getMessage() + "; give another --port, or --port 0 for any free one");
    }
    try (endpoint) {
      r.say("# serving " + endpoint.uri() + " (hosts " + String.join(", ", hosts.keySet()) + ")");
      String text = scrape(endpoint.uri());
      r.say("# scraped it once: " + text.lines().filter(l -> !l.startsWith("#")).count() + " samples, among them:");
      text.lines().filter(l -> l.startsWith("kvm_host_up") || l.startsWith("kvm_host_domains_running") || l.startsWith("kvm_domain_state")
          || l.startsWith("kvm_host_scrape_errors_total")).sorted().forEach(l -> r.say("  " + l));
      if (!r.flagged("--serve")) {
        r.say("# stopped (add --serve to keep serving)");
        return Recipe.DONE;
      }
      r.say("# serving until Ctrl-C; in prometheus.yml: scrape_configs: [{job_name: kvm, static_configs: [{targets: ['127.0.0.1:"
          + endpoint.port() + "']}]}]");
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
      }
      r.say("# stopped");
      return Recipe.DONE;
    }
  }

  /** GET {@code uri}: the body of a 200 answer; otherwise a {@link KvmException} saying what came back. */
  static String scrape(URI uri) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).proxy(HttpClient.Builder.NO_PROXY).build();
    try {
      HttpResponse<String> res = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (res.statusCode() != 200) throw new KvmException("GET " + uri + " answered " + res.statusCode() + ": " + res.body().strip());
      return res.body();
    } catch (IOException e) {
      throw new KvmException("GET " + uri + " failed: " + e.getMessage(), e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KvmException("GET " + uri + " was interrupted");
    }
  }
}
