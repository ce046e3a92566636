package org.credpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.credpath.json.input.ProfileStream;
import org.credpath.engine.CredpathEngine;
import org.credpath.json.Json;
import org.credpath.json.ProfileDecoder;
import org.credpath.model.error.CredpathException;
import org.credpath.model.result.CredentialResult;
import org.credpath.model.result.EvaluationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code credpath rules diff}: what a rule edit changes for a whole population. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
        "Evaluates a population under two rule sets and reports what the edit changes: how many candidates",
        "move from each status to each other one, per credential, and how many get a different plan.",
        "--details writes one NDJSON line per candidate whose result changed."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:compared", "64:bad usage", "65:some records were invalid and were skipped",
        "66:an input file cannot be read", "78:either rule set does not load"})
final class RulesDiffCommand implements Callable<Integer> {
  enum Format { text, json }

  /** One candidate's change, as written to --details. */
  record CandidateDiff(String candidateId, List<StatusChange> statuses, List<String> nextStepsBefore, List<String> nextStepsAfter) {}

  record StatusChange(String credential, String before, String after) {}

  @Spec CommandSpec spec;

  @Option(names = "--base", required = true, paramLabel = "DIR", description = "The rules in use now.")
  Path base;

  @Option(names = "--candidate", required = true, paramLabel = "DIR", description = "The edited rules.")
  Path candidate;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profile files (JSON array, object or NDJSON); - for stdin.")
  List<String> files;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate as of this date. Default: today.")
  LocalDate asOf;

  @Option(names = "--details", paramLabel = "FILE", description = "Write each changed candidate as NDJSON to FILE.")
  Path details;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  private final Map<String, Long> transitions = new TreeMap<>();
  private long evaluated;
  private long invalid;
  private long statusChanged;
  private long stepsChanged;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    for (String file : files) {
      String problem = Inputs.problem(file);
      if (problem != null) {
        err.println("credpath: cannot read " + file + ": " + problem);
        return ExitCode.NO_INPUT;
      }
    }
    CredpathEngine before = RulesLoader.load(base, err);
    CredpathEngine after = before == null ? null : RulesLoader.load(candidate, err);
    if (after == null) {
      return ExitCode.RULES_ERROR;
    }
    LocalDate date = asOf != null ? asOf : LocalDate.now();
    try (BufferedWriter detailOut = details == null ? null : Files.newBufferedWriter(details, StandardCharsets.UTF_8)) {
      for (String file : files) {
        try (ProfileStream stream = new ProfileStream(file, Inputs.open(file))) {
          while (stream.hasNext()) {
            compare(stream.next().node(), date, before, after, detailOut);
          }
        }
      }
    }
    print(spec.commandLine().getOut());
    return invalid > 0 ? ExitCode.DATA_ERROR : ExitCode.OK;
  }

  private void compare(com.fasterxml.jackson.databind.JsonNode node, LocalDate date, CredpathEngine baseEngine,
      CredpathEngine candidateEngine, BufferedWriter detailOut) throws IOException {
    ProfileDecoder.Decoded decoded = node == null ? null : ProfileDecoder.decode(node);
    if (decoded == null || !decoded.ok()) {
      invalid++;
      return;
    }
    EvaluationResult was;
    EvaluationResult now;
    try {
      was = baseEngine.evaluate(decoded.profile(), date);
      now = candidateEngine.evaluate(decoded.profile(), date);
    } catch (CredpathException e) {
      invalid++;
      return;
    }
    evaluated++;
    TreeSet<String> codes = new TreeSet<>();
    was.credentials().forEach(c -> codes.add(c.code()));
    now.credentials().forEach(c -> codes.add(c.code()));
    List<StatusChange> changes = new ArrayList<>();
    for (String code : codes) {
      String b = status(was.credential(code));
      String a = status(now.credential(code));
      transitions.merge(code + "\t" + b + "\t" + a, 1L, Long::sum);
      if (!b.equals(a)) {
        changes.add(new StatusChange(code, b, a));
      }
    }
    List<String> stepsBefore = steps(was);
    List<String> stepsAfter = steps(now);
    boolean planChanged = !stepsBefore.equals(stepsAfter);
    statusChanged += changes.isEmpty() ? 0 : 1;
    stepsChanged += planChanged ? 1 : 0;
    if (detailOut != null && (planChanged || !changes.isEmpty())) {
      detailOut.write(Json.COMPACT.writeValueAsString(new CandidateDiff(was.candidateId(), changes, stepsBefore, stepsAfter)));
      detailOut.write('\n');
    }
  }

  private static String status(CredentialResult result) {
    return result == null ? "-" : result.status().name();
  }

  private static List<String> steps(EvaluationResult result) {
    return result.nextSteps().stream()
        .map(s -> s.code() + (s.credential() == null ? "" : ":" + s.credential()) + (s.dueBy() == null ? "" : "@" + s.dueBy()))
        .toList();
  }

  private void print(PrintWriter out) throws IOException {
    if (format == Format.json) {
      ObjectNode root = Json.objectNode();
      root.put("candidates", evaluated).put("invalid", invalid).put("statusChanged", statusChanged).put("nextStepsChanged", stepsChanged);
      ArrayNode rows = root.putArray("transitions");
      transitions.forEach((key, count) -> {
        String[] k = key.split("\t");
        rows.addObject().put("credential", k[0]).put("before", k[1]).put("after", k[2]).put("count", count);
      });
      out.println(Json.PRETTY.writeValueAsString(root));
      return;
    }
    out.printf("rules diff: %d candidates evaluated under %s and %s%s%n", evaluated, base, candidate,
        invalid == 0 ? "" : " (" + invalid + " invalid records skipped)");
    out.printf("%-8s %-14s    %-14s %10s%n", "", "before", "after", "candidates");
    transitions.forEach((key, count) -> {
      String[] k = key.split("\t");
      boolean changed = !Objects.equals(k[1], k[2]);
      out.printf("%-8s %-14s %s %-14s %10d%n", k[0], k[1], changed ? "->" : "  ", changed ? k[2] : "(same)", count);
    });
    out.printf("%d candidate(s) with a changed status, %d with a changed plan%n", statusChanged, stepsChanged);
  }
}
