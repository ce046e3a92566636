package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.profile.HighSchool;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.KnowledgeBaseInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingEngineTest {
  @TempDir Path dir;

  final List<KnowledgeBaseInfo> reloads = new CopyOnWriteArrayList<>();
  final List<List<RuleProblem>> failures = new CopyOnWriteArrayList<>();
  final ReloadingEngine.Listener listener = new ReloadingEngine.Listener() {
    @Override
    public void reloaded(KnowledgeBaseInfo knowledgeBase) {
      reloads.add(knowledgeBase);
    }

    @Override
    public void reloadFailed(List<RuleProblem> problems) {
      failures.add(problems);
    }
  };

  /** Writes the minimal fixture at {@code version}: the version shows in kb.properties and in a missing text. */
  private void writeRules(int version) throws IOException {
    for (Map.Entry<String, String> file : Fixtures.minimalFiles().entrySet()) {
      String text = file.getValue()
          .replace("version=1", "version=" + version)
          .replace("\"A diploma\"", "\"A diploma (rules v" + version + ")\"");
      Files.writeString(dir.resolve(file.getKey()), text);
    }
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as("waited 20 s").isTrue();
  }

  private static String missingText(EvaluationResult result) {
    return result.credential("CAHIMS").missing().get(0);
  }

  @Test
  void editedFile_isPickedUpAndSwappedIn() throws Exception {
    writeRules(1);
    try (ReloadingEngine engine = ReloadingEngine.watch(dir, listener)) {
      writeRules(2);
      await(() -> !reloads.isEmpty());

      assertThat(reloads.get(0).version()).isEqualTo("2");
      assertThat(missingText(engine.evaluate(Fixtures.profile("a", HighSchool.NONE), Fixtures.AS_OF))).contains("v2");
    }
  }

  @Test
  void brokenOrHostileEdit_keepsTheOldRulesAndReportsWhy() throws Exception {
    writeRules(1);
    try (ReloadingEngine engine = ReloadingEngine.watch(dir, listener)) {
      Files.writeString(dir.resolve("broken.drl"), Fixtures.drl("""
          rule "T-HS: ends the process"
          when Candidate()
          then System.exit( 3 );
          end
          """));
      await(() -> !failures.isEmpty());

      assertThat(failures.get(0)).extracting(RuleProblem::toString).anyMatch(p -> p.startsWith("broken.drl:8:6: error: `System`"));
      assertThat(reloads).isEmpty();
      assertThat(engine.current().knowledgeBase().version()).isEqualTo("1");
      assertThat(missingText(engine.evaluate(Fixtures.profile("a", HighSchool.NONE), Fixtures.AS_OF))).contains("v1");
    }
  }

  @Test
  void limits_applyToTheRulesInForceAndToEveryReload() throws Exception {
    writeRules(1);
    EvaluationLimits tight = new EvaluationLimits(java.time.Duration.ofMillis(1500), 32L << 20, 500);
    try (ReloadingEngine engine = ReloadingEngine.manual(dir, listener, candidate -> List.of())) {
      assertThat(engine.limits()).isEqualTo(EvaluationLimits.configured());
      engine.setLimits(tight);
      assertThat(engine.current().limits()).isEqualTo(tight);
      writeRules(2);
      assertThat(engine.reloadNow()).isTrue();
      assertThat(engine.current().knowledgeBase().version()).isEqualTo("2");
      assertThat(engine.current().limits()).isEqualTo(tight);
    }
  }

  @Test
  void gateRefusal_keepsTheOldRules() throws Exception {
    writeRules(1);
    ReloadingEngine.Gate onlyVersionOne = candidate -> candidate.knowledgeBase().version().equals("1")
        ? List.of() : List.of(RuleProblem.error("scenarios", 0, 0, "a scenario failed"));
    try (ReloadingEngine engine = ReloadingEngine.watch(dir, listener, onlyVersionOne)) {
      writeRules(2);
      assertThat(engine.reloadNow()).isFalse();
      assertThat(failures).isNotEmpty();
      assertThat(engine.current().knowledgeBase().version()).isEqualTo("1");
    }
  }

  @Test
  void reloadsUnderConcurrentEvaluation_everyResultComesFromOneCompleteRuleSet() throws Exception {
    writeRules(1);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong evaluations = new AtomicLong();
    AtomicLong started = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    // Manual reloads: this test rewrites the folder twenty times in a tight loop, which a watcher
    // would rightly see as one long edit.
    try (ReloadingEngine engine = ReloadingEngine.manual(dir, listener, candidate -> List.of())) {
      List<Future<?>> workers = new java.util.ArrayList<>();
      for (int t = 0; t < 16; t++) {
        workers.add(pool.submit(() -> {
          while (running.get()) {
            started.incrementAndGet();
            EvaluationResult r = engine.evaluate(Fixtures.profile("c", HighSchool.NONE), Fixtures.AS_OF);
            String version = r.knowledgeBase().version();
            assertThat(missingText(r)).as("text and version from the same rule set").contains("v" + version);
            evaluations.incrementAndGet();
          }
          return null;
        }));
      }
      for (int version = 2; version <= 21; version++) {
        writeRules(version);
        engine.reloadNow();
        assertThat(engine.current().knowledgeBase().version()).isEqualTo(String.valueOf(version));
      }
      running.set(false);
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS); // rethrows any assertion failure from a worker
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(evaluations.get()).isPositive();
    assertThat(evaluations.get()).as("no evaluation lost: every one started also completed").isEqualTo(started.get());
    assertThat(failures).isEmpty();
  }

  @Test
  void replacedRules_areGarbageCollected() throws Exception {
    writeRules(1);
    try (ReloadingEngine engine = ReloadingEngine.watch(dir, listener)) {
      WeakReference<CredpathEngine> old = new WeakReference<>(engine.current());
      writeRules(2);
      assertThat(engine.reloadNow()).isTrue();

      for (int i = 0; i < 50 && old.get() != null; i++) {
        System.gc();
        Thread.sleep(20);
      }
      assertThat(old.get()).as("the old engine, its KieBase and its generated classes can be unloaded").isNull();
    }
  }
}
