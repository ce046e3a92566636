package org.credpath.benchmarks;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.credpath.population.ProfileGenerator;
import org.credpath.engine.CredpathEngine;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.model.profile.CandidateProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine alone, without JSON: one {@code evaluate} per operation on generated profiles, next
 * to the plain-Java RHIT and CAHIMS baseline. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar -t 2}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class EvaluateBenchmark {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  private static final int PROFILES = 4096;

  CredpathEngine engine;
  CandidateProfile[] profiles;

  /** Each thread walks the profiles from its own position. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Setup(Level.Trial)
  public void setUp() {
    engine = BuiltInKnowledgeBase.load();
    ProfileGenerator generator = new ProfileGenerator(42, AS_OF);
    profiles = new CandidateProfile[PROFILES];
    for (int i = 0; i < PROFILES; i++) {
      profiles[i] = generator.next(i);
    }
  }

  @Benchmark
  public Object fullKnowledgeBase(Cursor cursor) {
    return engine.evaluate(profiles[cursor.next++ & (PROFILES - 1)], AS_OF);
  }

  @Benchmark
  public Object plainJavaRhitAndCahims(Cursor cursor) {
    return PlainJavaRules.evaluate(profiles[cursor.next++ & (PROFILES - 1)], AS_OF);
  }
}
