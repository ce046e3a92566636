package org.credpath.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.credpath.cli.io.CountingReader;
import org.credpath.cli.io.CsvSink;
import org.credpath.cli.io.JsonSinks;
import org.credpath.cli.io.TextSink;
import org.credpath.json.input.InputEncoding;
import org.credpath.json.input.ProfileStream;
import org.credpath.cli.io.RecordOutput;
import org.credpath.cli.io.ResultSink;
import org.credpath.engine.CredpathEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code credpath evaluate}: profiles in, one result (or error record) per profile out. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Evaluates candidate profiles and writes one result per profile, in input order.",
        "Input: a JSON array, a single JSON object, or NDJSON (one profile per line), from files or - (stdin).",
        "A record that cannot be evaluated yields an error record in its place; the others are still evaluated.",
        ""},
    footer = {
        "",
        "Examples:",
        "  bin/credpath evaluate examples/profiles.json",
        "  bin/credpath evaluate --as-of 2026-11-22 --format ndjson profiles.ndjson --output results.ndjson",
        "  cat profiles.ndjson | bin/credpath evaluate --rules my-rules/ -"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:all records evaluated",
        "64:bad usage",
        "65:some records were invalid; all valid ones were still written",
        "66:an input file cannot be opened (never for what a readable file holds)",
        "70:internal error, or the output cannot be written",
        "78:the rules given with --rules do not compile or fail validation"})
final class EvaluateCommand implements Callable<Integer> {
  enum Format { json, ndjson, csv, text }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Profile files to read; - or nothing reads standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Evaluate as of this date (YYYY-MM-DD). Default: today.")
  LocalDate asOf;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "A directory of .drl files (an edited copy of the knowledge base) instead of the built-in rules.")
  Path rules;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "Output format: ${COMPLETION-CANDIDATES} (json: one array; ndjson: one result per line; csv: one row per candidate and credential; text: a printable plan). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
      description = "Language of the sentences and of the text format's headings: en or es. Codes, statuses and dates do not change. Default: ${DEFAULT-VALUE}.")
  String lang;

  @Option(names = "--output", paramLabel = "FILE", description = "Write results to FILE instead of standard output.")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing on standard error except errors.")
  boolean quiet;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads sharing one knowledge base. Default: all cores (${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<String> inputs = files.isEmpty() ? List.of("-") : files;
    if (inputs.stream().filter("-"::equals).count() > 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "- (standard input) is given more than once; standard input can be read only once");
    }
    for (String input : inputs) {
      String problem = Inputs.problem(input);
      if (problem != null) {
        err.println("credpath: cannot read " + input + ": " + problem);
        return ExitCode.NO_INPUT;
      }
    }
    if (threads < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 or more");
    }
    JsonWarmUp.start(); // on another core while the rules load
    CredpathEngine engine = RulesLoader.load(rules, err);
    if (engine == null) {
      return ExitCode.RULES_ERROR;
    }
    if (!engine.languages().contains(lang)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lang " + lang
          + ": the rules have no messages in that language; choose one of " + String.join(", ", engine.languages()));
    }
    return evaluate(engine, asOf != null ? asOf : LocalDate.now(), inputs, err);
  }

  /** Streams every input through the engine into the output; maps I/O failures to exit codes. */
  private int evaluate(CredpathEngine engine, LocalDate date, List<String> inputs, PrintWriter err) throws IOException {
    AtomicLong charsRead = new AtomicLong();
    RecordOutput out = openOutput();
    BatchEvaluator batch = null;
    String reading = null;
    try (FlushOnExit flushOnExit = new FlushOnExit(out);
        ProgressReporter progress = new ProgressReporter(ProgressReporter.choose(quiet), err, charsRead, totalBytes(inputs));
        out;
        ResultSink sink = openSink(out);
        BatchEvaluator running = new BatchEvaluator(
            BatchEvaluator.ProfileEvaluator.of(engine, Locale.forLanguageTag(lang)), date, sink, threads, progress)) {
      batch = running;
      for (String input : inputs) {
        reading = input;
        InputEncoding.Decoded decoded = Inputs.open(input);
        try (ProfileStream stream = new ProfileStream(input,
            new BufferedReader(new CountingReader(decoded, charsRead), 1 << 16), decoded::encoding)) {
          batch.evaluateAll(stream);
        } catch (java.io.UncheckedIOException e) {
          batch.finish(); // the records read before a read failure are written, whatever --threads is
          throw e;
        }
      }
      batch.finish();
      return batch.errors() > 0 ? ExitCode.DATA_ERROR : ExitCode.OK;
    } catch (java.io.UncheckedIOException e) {
      err.printf("credpath: reading %s failed: %s; stopped after %d record(s)%n",
          "-".equals(reading) ? "standard input" : reading, e.getCause().getMessage(), batch == null ? 0 : batch.records());
      return ExitCode.NO_INPUT;
    } catch (RecordOutput.OutputFailedException e) {
      err.printf("credpath: cannot write the results to %s: %s; stopped after %d record(s). "
          + "Everything written before is complete records.%n", output == null ? "standard output" : output,
          e.getMessage(), batch == null ? 0 : batch.records());
      return ExitCode.INTERNAL;
    }
  }

  /** On SIGTERM or Ctrl-C, writes out the complete records gathered so far; never half a record. */
  private static final class FlushOnExit implements AutoCloseable {
    private final Thread hook;

    FlushOnExit(RecordOutput out) {
      hook = new Thread(() -> {
        try {
          out.flush();
        } catch (IOException ignored) {
          // nothing more can be done while the JVM stops
        }
      }, "credpath-flush");
      Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already
      }
    }
  }

  private static long totalBytes(List<String> inputs) throws IOException {
    long total = 0;
    for (String input : inputs) {
      if (input.equals("-")) {
        return -1;
      }
      total += Files.size(Path.of(input));
    }
    return total;
  }

  private ResultSink openSink(RecordOutput out) throws IOException {
    return switch (format) {
      case json -> JsonSinks.array(out);
      case ndjson -> JsonSinks.ndjson(out);
      case csv -> new CsvSink(out);
      case text -> new TextSink(out, Locale.forLanguageTag(lang));
    };
  }

  private RecordOutput openOutput() throws IOException {
    if (output == null) {
      // The PrintWriter itself, so that RecordOutput can see checkError() when a pipe closes.
      return new RecordOutput(spec.commandLine().getOut());
    }
    // Unbuffered: RecordOutput writes whole records in one call, so a kill never splits one.
    return new RecordOutput(Files.newOutputStream(output));
  }
}
