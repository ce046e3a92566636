package org.credpath.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.credpath.population.ProfileGenerator;
import org.credpath.engine.CredpathEngine;
import org.credpath.engine.RuleSource;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.json.Json;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.result.CredentialResult;
import org.credpath.model.result.EvaluationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code credpath bench}: a reproducible benchmark. Generates profiles from a seed, then runs the
 * same streaming pipeline (NDJSON in, ordered parallel evaluation, NDJSON out) four ways: with no
 * rules (the I/O limit), with hand-written Java RHIT and CAHIMS rules, with the same rules in
 * Drools, and with the whole knowledge base; and checks that Java and Drools agree on every profile.
 *
 * <p>Lives in {@code benchmarks/}, not in the shipped CLI, because its baseline
 * ({@link PlainJavaRules}) is a second, hand-written copy of part of the policy. Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar org.credpath.benchmarks.BenchCommand --count 20000}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks evaluation on reproducible generated profiles.",
        "Prints one table: profiles/second and peak heap for the I/O limit, a plain-Java baseline, the same rules "
            + "in Drools and the full pipeline, per thread count; and checks that plain Java and Drools agree."})
public final class BenchCommand implements Callable<Integer> {
  /** The files of the built-in knowledge base that make up the RHIT and CAHIMS rules alone. */
  static final List<String> RHIT_AND_CAHIMS = List.of("kb.properties", "policies.txt", "derive/ahima-cycles.drl",
      "derive/himss-cycles.drl", "ahima.drl", "himss.drl", "rhit.drl", "cahims.drl", "messages.properties",
      "thresholds/ahima.properties", "thresholds/rhit.properties", "thresholds/himss.properties");

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Option(names = "--count", defaultValue = "20000", description = "Profiles to generate. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(names = "--threads", description = "Highest thread count measured (each count from 1 up). Default: all cores.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--as-of", defaultValue = "2026-11-22", description = "Evaluation date. Default: ${DEFAULT-VALUE}.")
  LocalDate asOf;

  @Option(names = "--emit", paramLabel = "FILE",
      description = "Only write the generated profiles to FILE as NDJSON (a test population of any size) and stop.")
  java.nio.file.Path emit;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (emit != null) {
      ProfileGenerator generator = new ProfileGenerator(seed, asOf);
      try (Writer file = java.nio.file.Files.newBufferedWriter(emit, java.nio.charset.StandardCharsets.UTF_8)) {
        for (int i = 0; i < count; i++) {
          file.write(Json.COMPACT.writeValueAsString(generator.next(i)));
          file.write('\n');
        }
      }
      out.printf("wrote %,d generated profiles to %s%n", count, emit);
      return 0;
    }
    List<CandidateProfile> profiles = new ArrayList<>(count);
    StringBuilder ndjson = new StringBuilder();
    ProfileGenerator generator = new ProfileGenerator(seed, asOf);
    for (int i = 0; i < count; i++) {
      CandidateProfile p = generator.next(i);
      profiles.add(p);
      ndjson.append(Json.COMPACT.writeValueAsString(p)).append('\n');
    }
    String input = ndjson.toString();
    CredpathEngine full = BuiltInKnowledgeBase.load();
    Map<String, String> subsetFiles = new TreeMap<>(full.source().files());
    subsetFiles.keySet().retainAll(RHIT_AND_CAHIMS);
    CredpathEngine subset = CredpathEngine.load(RuleSource.of("built-in RHIT and CAHIMS rules", subsetFiles));

    out.printf("credpath bench: %,d generated profiles (seed %d, %,d bytes of NDJSON), as of %s%n", count, seed, input.length(), asOf);
    out.printf("machine: %d cores, Java %s, max heap %d MiB%n%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    out.flush();

    long disagreements = agreement(profiles, subset, out);
    out.printf("%-44s %7s %12s %14s %12s%n", "phase", "threads", "profiles/s", "peak heap MiB", "% of I/O");
    BenchPhase[] phases = {
        new BenchPhase("I/O limit: parse + write, no rules",
            (p, date) -> new EvaluationResult(p.id(), date, full.knowledgeBase(), List.of(), List.of(), List.of(), null)),
        new BenchPhase("plain Java: RHIT + CAHIMS rules", PlainJavaRules::evaluate),
        new BenchPhase("Drools: the same RHIT + CAHIMS rules", subset::evaluate),
        new BenchPhase("full pipeline: whole knowledge base", full::evaluate)};
    String warmUp = input.substring(0, nthLine(input, Math.min(count, 10_000)));
    for (BenchPhase phase : phases) {
      phase.run(warmUp, asOf, threads); // every phase warmed up before any is timed, so JIT order does not bias
    }
    for (int t = 1; t <= threads; t++) {
      double ioLimit = 0;
      for (BenchPhase phase : phases) {
        resetPeakHeap();
        double rate = phase.run(input, asOf, t);
        ioLimit = ioLimit == 0 ? rate : ioLimit;
        out.printf("%-44s %7d %,12.0f %14d %11.0f%%%n", phase.name(), t, rate, peakHeapMiB(), 100 * rate / ioLimit);
        out.flush();
      }
    }
    return disagreements == 0 ? 0 : 1;
  }

  /** Plain Java and Drools must give the same RHIT and CAHIMS verdicts on every profile. */
  private long agreement(List<CandidateProfile> profiles, CredpathEngine drools, PrintWriter out) {
    long disagreements = 0;
    for (CandidateProfile p : profiles) {
      Map<String, PlainJavaRules.Verdict> java = PlainJavaRules.evaluate(p, asOf);
      EvaluationResult result = drools.evaluate(p, asOf);
      for (String code : new TreeSet<>(java.keySet())) {
        PlainJavaRules.Verdict expected = java.get(code);
        CredentialResult actual = result.credential(code);
        PlainJavaRules.Verdict got = actual == null ? null : new PlainJavaRules.Verdict(actual.status(),
            actual.cycle() == null ? null : actual.cycle().start(), actual.cycle() == null ? null : actual.cycle().end(),
            actual.cycle() == null ? 0 : actual.cycle().required(), actual.cycle() == null ? 0 : actual.cycle().earned());
        if (!expected.equals(got)) {
          if (disagreements++ < 5) {
            out.printf("DISAGREE %s %s: plain Java %s, Drools %s%n", p.id(), code, expected, got);
          }
        }
      }
    }
    out.printf("agreement: plain Java and Drools give the same RHIT and CAHIMS verdict (status, cycle, CEUs) on %,d of %,d profiles%n%n",
        profiles.size() - disagreements, profiles.size());
    return disagreements;
  }

  private static int nthLine(String text, int lines) {
    int at = 0;
    for (int i = 0; i < lines && at >= 0; i++) {
      at = text.indexOf('\n', at) + 1;
    }
    return at <= 0 ? text.length() : at;
  }

  private static void resetPeakHeap() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMiB() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
  }

  /** A writer that throws the text away, counting it, so that output costs formatting but no disk. */
  static final class NullWriter extends Writer {
    long chars;

    @Override
    public void write(char[] buffer, int offset, int length) {
      chars += length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
