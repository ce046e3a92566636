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
      "derive/himss-cycles.drl", "derive/experience.drl", "ahima.drl", "himss.drl", "rhit.drl", "cahims.drl", "messages.properties",
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

  @Option(names = "--repetitions", defaultValue = "5",
      description = "Timed runs of every phase at every thread count, interleaved; each row is their median. Default: ${DEFAULT-VALUE}.")
  int repetitions;

  @Option(names = "--emit", paramLabel = "FILE",
      description = "Only write the generated profiles to FILE as NDJSON (a test population of any size) and stop.")
  java.nio.file.Path emit;

  @Option(names = "--cold-start", paramLabel = "RUNS", defaultValue = "5",
      description = "Rounds of the cold-start measurement after the table (bin/credpath evaluate on one profile next to a "
          + "JVM+Jackson parse-and-write, as ColdStartBench); 0 skips it. Default: ${DEFAULT-VALUE}.")
  int coldStartRuns;

  @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
      description = "The credpath checkout holding bin/credpath and the built jar, for the cold start. Default: the current directory.")
  java.nio.file.Path home;

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
    if (repetitions < 1 || count < 1 || threads < 1) {
      spec.commandLine().getErr().println("--count, --threads and --repetitions must be at least 1");
      return 2;
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
    out.printf("machine: %d cores, Java %s, max heap %d MiB, GC %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, BenchStats.garbageCollectors());
    out.printf("JVM flags: %s%n%n", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    out.flush();

    long disagreements = agreement(profiles, subset, out);
    BenchPhase[] phases = {
        new BenchPhase("I/O limit: parse + write, no rules",
            (p, date) -> new EvaluationResult(p.id(), date, full.knowledgeBase(), List.of(), List.of(), List.of(), null)),
        new BenchPhase("plain Java: RHIT + CAHIMS rules", PlainJavaRules::evaluate),
        new BenchPhase("Drools: the same RHIT + CAHIMS rules", subset::evaluate),
        new BenchPhase("full pipeline: whole knowledge base", full::evaluate)};
    String warmUp = input.substring(0, nthLine(input, Math.min(count, 10_000)));
    for (int t = 1; t <= threads; t++) {
      BareJackson.run(warmUp, t);
      for (BenchPhase phase : phases) {
        phase.run(warmUp, asOf, t); // every phase warmed up before any is timed, so JIT order does not bias
      }
    }
    // Repetitions interleaved (every phase at every thread count, then again), so that a burst of
    // load from other processes hits all rows alike; each row reports the median.
    double[][][] rates = new double[phases.length + 1][threads + 1][repetitions];
    long[][] peaks = new long[phases.length + 1][threads + 1];
    long[] allocated = new long[phases.length + 1];
    double[] load = new double[repetitions + 1];
    load[0] = BenchStats.loadAverage();
    for (int r = 0; r < repetitions; r++) {
      for (int t = 1; t <= threads; t++) {
        BenchStats.resetPeakHeap();
        long before = BenchStats.allocatedHere();
        rates[0][t][r] = BareJackson.run(input, t);
        allocated[0] = t == 1 ? BenchStats.allocatedHere() - before : allocated[0];
        peaks[0][t] = Math.max(peaks[0][t], BenchStats.peakHeapMiB());
        for (int p = 0; p < phases.length; p++) {
          BenchStats.resetPeakHeap();
          before = BenchStats.allocatedHere();
          rates[p + 1][t][r] = phases[p].run(input, asOf, t);
          allocated[p + 1] = t == 1 ? BenchStats.allocatedHere() - before : allocated[p + 1];
          peaks[p + 1][t] = Math.max(peaks[p + 1][t], BenchStats.peakHeapMiB());
        }
      }
      load[r + 1] = BenchStats.loadAverage();
    }
    out.printf("median of %d interleaved repetitions per row, after one warm-up run of every phase at every thread count; "
        + "load average (1 min) %s during the run; KB/profile: bytes allocated per profile at 1 thread (all of "
        + "it on this thread, so independent of load)%n%n", repetitions, BenchStats.loadRange(load));
    out.printf("%-44s %7s %12s %17s %11s %12s %14s %11s%n", "phase", "threads", "profiles/s", "min-max", "% of bare",
        "x 1 thread", "peak heap MiB", "KB/profile");
    String[] names = new String[phases.length + 1];
    names[0] = BareJackson.NAME;
    for (int p = 0; p < phases.length; p++) {
      names[p + 1] = phases[p].name();
    }
    for (int t = 1; t <= threads; t++) {
      for (int p = 0; p < names.length; p++) {
        double rate = BenchStats.median(rates[p][t]);
        out.printf("%-44s %7d %,12.0f %17s %10.1f%% %11.2fx %14d %11s%n", names[p], t, rate, BenchStats.range(rates[p][t]),
            100 * rate / BenchStats.median(rates[0][t]), rate / BenchStats.median(rates[p][1]), peaks[p][t],
            t == 1 && allocated[p] > 0 ? String.format("%.1f", allocated[p] / 1024.0 / count) : "-");
      }
    }
    out.flush();
    coldStart(out);
    return disagreements == 0 ? 0 : 1;
  }

  /** The cold start, measured in the same run as the table, or why it was not. */
  private void coldStart(PrintWriter out) {
    if (coldStartRuns < 1) {
      return;
    }
    out.println();
    if (!java.nio.file.Files.isRegularFile(home.resolve("cli-runner/target/credpath.jar"))
        || !java.nio.file.Files.isRegularFile(home.resolve("bin/credpath"))) {
      out.printf("cold start: not measured (no bin/credpath and cli-runner/target/credpath.jar under %s; "
          + "run bench from the checkout after mvn package, or give --home)%n", home.toAbsolutePath().normalize());
      out.flush();
      return;
    }
    CommandLine coldStart = new CommandLine(new ColdStartBench());
    coldStart.setOut(out);
    coldStart.setErr(spec.commandLine().getErr());
    coldStart.execute("--runs", Integer.toString(coldStartRuns), "--home", home.toString(), "--as-of", asOf.toString());
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
