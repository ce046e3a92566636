package org.credpath.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Cold start of {@code bin/credpath evaluate} on one profile, next to a JVM that only parses and
 * writes the same profile with Jackson ({@link JacksonBaseline}), measured in the same run: each
 * round starts every command once, in a rotating order, so that machine load hits all alike; after
 * one warm-up round (page cache; the launcher's class-data archive if it is made on first use) the
 * median, least and greatest of {@code --runs} rounds are reported, wall clock and CPU (user +
 * system, when {@code /usr/bin/time} exists), with the JVM flags each command used and the load
 * average. {@code --before JAR} adds an older credpath.jar, run as {@code java -jar} with its
 * compiled-rules cache filled by the warm-up round.
 */
@Command(name = "cold-start", mixinStandardHelpOptions = true,
    description = "Measures the cold start of bin/credpath evaluate on one profile next to a JVM+Jackson parse-and-write.")
public final class ColdStartBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--runs", defaultValue = "7", description = "Measured rounds. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--warm-up", defaultValue = "1", description = "Rounds run first and not counted. Default: ${DEFAULT-VALUE}.")
  int warmUp;

  @Option(names = "--profile", paramLabel = "FILE", description = "The profile file. Default: ex-05 of examples/profiles.json.")
  Path profile;

  @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
      description = "The credpath checkout (bin/credpath, cli-runner/target/credpath.jar). Default: the current directory.")
  Path home;

  @Option(names = "--before", paramLabel = "JAR", description = "An older credpath.jar to measure too (java -jar, cache filled).")
  Path before;

  @Option(names = "--as-of", defaultValue = "2026-11-22", description = "Evaluation date. Default: ${DEFAULT-VALUE}.")
  String asOf;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ColdStartBench()).execute(args));
  }

  /** One command line measured. */
  record Subject(String name, List<String> command, Map<String, String> env) {}

  /** One start: wall clock and CPU seconds (NaN when unknown). */
  record Sample(double wall, double cpu) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("credpath-cold-start");
    Path file = profile != null ? profile : oneProfile(home.resolve("examples/profiles.json"), work);
    Path launcher = home.resolve("bin/credpath").toAbsolutePath();
    Path jar = home.resolve("cli-runner/target/credpath.jar").toAbsolutePath();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> evaluate = List.of("evaluate", "--quiet", "--as-of", asOf, file.toString());

    List<Subject> subjects = new ArrayList<>();
    subjects.add(new Subject("JVM + Jackson: parse and write the profile",
        List.of(java, "-cp", System.getProperty("java.class.path"), JacksonBaseline.class.getName(), file.toString()), Map.of()));
    subjects.add(new Subject("bin/credpath evaluate", concat(List.of(launcher.toString()), evaluate), Map.of()));
    subjects.add(new Subject("java -jar credpath.jar evaluate (no launcher flags)",
        concat(List.of(java, "-jar", jar.toString()), evaluate), Map.of("CREDPATH_CACHE", work.resolve("cache").toString())));
    if (before != null) {
      subjects.add(new Subject("before: java -jar " + before.getFileName() + " evaluate (cache filled)",
          concat(List.of(java, "-jar", before.toAbsolutePath().toString()), evaluate),
          Map.of("CREDPATH_CACHE", work.resolve("cache-before").toString())));
    }
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Map<Subject, List<Sample>> samples = new LinkedHashMap<>();
    subjects.forEach(s -> samples.put(s, new ArrayList<>()));
    for (int round = 0; round < warmUp + runs; round++) {
      for (int i = 0; i < subjects.size(); i++) {
        Subject s = subjects.get((i + round) % subjects.size());
        Sample sample = time(s, work);
        if (round >= warmUp) {
          samples.get(s).add(sample);
        }
      }
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    out.printf("cold start: evaluate one profile (%s), %d interleaved rounds after %d warm-up; %d cores, Java %s; "
        + "load average %.2f before, %.2f after%n", file.getFileName(), runs, warmUp, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), loadBefore, loadAfter);
    out.printf("%-58s %8s %8s %8s %8s %11s%n", "command", "median s", "min s", "max s", "CPU s", "x baseline");
    double baseline = median(samples.get(subjects.get(0)), true);
    for (Subject s : subjects) {
      List<Sample> list = samples.get(s);
      out.printf("%-58s %8.2f %8.2f %8.2f %8.2f %10.2fx%n", s.name(), median(list, true),
          list.stream().mapToDouble(Sample::wall).min().orElse(Double.NaN),
          list.stream().mapToDouble(Sample::wall).max().orElse(Double.NaN), median(list, false), median(list, true) / baseline);
    }
    out.println("JVM flags: baseline and java -jar: none (the JDK's defaults); bin/credpath: " + launcherFlags(launcher, evaluate));
    out.flush();
    try (var left = Files.walk(work)) {
      left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return 0;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Path oneProfile(Path examples, Path work) throws IOException {
    String all = Files.readString(examples);
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var one = mapper.createArrayNode();
    mapper.readTree(all).forEach(p -> {
      if (p.path("id").asText().equals("ex-05-rhit-renewal")) {
        one.add(p);
      }
    });
    Path file = work.resolve("one-profile.json");
    mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), one);
    return file;
  }

  private static Sample time(Subject s, Path work) throws IOException, InterruptedException {
    Path times = work.resolve("time.txt");
    boolean withTime = Files.isExecutable(Path.of("/usr/bin/time"));
    List<String> command = withTime ? concat(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()), s.command())
        : s.command();
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(work.resolve("stderr.txt").toFile());
    builder.environment().putAll(s.env());
    long start = System.nanoTime();
    Process p = builder.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(s.name() + " did not end within 120 s");
    }
    double wall = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException(s.name() + " failed with exit " + p.exitValue() + ": "
          + Files.readString(work.resolve("stderr.txt")));
    }
    double cpu = Double.NaN;
    if (withTime) {
      String[] parts = Files.readString(times).trim().split("\\s+");
      cpu = Double.parseDouble(parts[parts.length - 2]) + Double.parseDouble(parts[parts.length - 1]);
    }
    return new Sample(wall, cpu);
  }

  private static double median(List<Sample> samples, boolean wall) {
    double[] values = samples.stream().mapToDouble(wall ? Sample::wall : Sample::cpu).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  /** The flags bin/credpath passes to java for this command, as it reports them with CREDPATH_DRY_RUN=1. */
  private static String launcherFlags(Path launcher, List<String> evaluate) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(concat(List.of(launcher.toString()), evaluate));
    builder.environment().put("CREDPATH_DRY_RUN", "1");
    Process p = builder.redirectErrorStream(true).start();
    String printed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    List<String> flags = printed.lines().skip(1).takeWhile(a -> !a.equals("-jar")).toList();
    return String.join(" ", flags);
  }
}
