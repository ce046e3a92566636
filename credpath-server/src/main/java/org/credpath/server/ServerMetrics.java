package org.credpath.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.credpath.model.result.KnowledgeBaseInfo;

/**
 * The service's Prometheus figures: requests by route and status with a latency histogram,
 * evaluations, error records by code, the rules in force, and reloads. Route labels are route
 * templates, never raw paths, so a scan of random URLs cannot grow the label set.
 */
final class ServerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter results;
  private final Counter reloads;
  private final Counter failedReloads;
  private final AtomicReference<Meter.Id> rulesGauge = new AtomicReference<>();

  ServerMetrics() {
    results = Counter.builder("credpath.evaluations").tag("outcome", "result")
        .description("Profiles evaluated, by outcome").register(registry);
    reloads = Counter.builder("credpath.rules.reloads").description("Rules swapped in by a reload").register(registry);
    failedReloads = Counter.builder("credpath.rules.reloads.failed")
        .description("Reloads refused; the old rules kept serving").register(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
  }

  void request(String method, String route, int status, long nanos) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by route and status")
        .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  void result() {
    results.increment();
  }

  void error(String code) {
    Counter.builder("credpath.evaluations").tag("outcome", "error").register(registry).increment();
    Counter.builder("credpath.evaluation.errors").tag("code", code)
        .description("Error records and problems, by the contract's error code").register(registry).increment();
  }

  /** Shows the rules now in force as {@code credpath_rules_info{name,version,sha256} 1}. */
  void rules(KnowledgeBaseInfo info) {
    Meter.Id old = rulesGauge.getAndSet(Gauge.builder("credpath.rules.info", () -> 1)
        .description("The rules in force")
        .tag("name", info.name()).tag("version", info.version()).tag("sha256", info.sha256())
        .register(registry).getId());
    if (old != null && !old.equals(rulesGauge.get())) {
      registry.remove(old);
    }
  }

  void reloaded(KnowledgeBaseInfo info) {
    reloads.increment();
    rules(info);
  }

  void reloadFailed() {
    failedReloads.increment();
  }

  String scrape() {
    return registry.scrape();
  }
}
