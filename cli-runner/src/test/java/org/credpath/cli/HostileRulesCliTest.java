package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's own attacks, each added as one more file to a copy of the built-in rules folder:
 * `evaluate --rules` exits 78 and `rules check` non-zero, with a located message, no stack trace,
 * no side effect, and this JVM alive (the commands run in-process, so an exit or halt would end
 * the test run). The full corpus of bypass classes is in the engine's HostileRulesCorpusTest.
 */
class HostileRulesCliTest {
  private static final String HEADER = "package org.credpath.kb.hostile;\nimport org.credpath.model.fact.*;\n\n";

  @TempDir Path tmp;

  private Path copyWith(String file, String drl) throws IOException {
    Path copy = tmp.resolve("rules-" + System.nanoTime());
    EvaluateCommandTest.copyBuiltInRules(copy);
    Files.writeString(copy.resolve(file), drl);
    return copy;
  }

  private static void assertRefused(Path rules, String located) {
    CliRun evaluate = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run(
        "evaluate", "--rules", rules.toString(), "--as-of", "2026-11-22", CliRun.EXAMPLES.toString()));
    assertThat(evaluate.exitCode()).as(evaluate.out() + evaluate.err()).isEqualTo(ExitCode.RULES_ERROR);
    assertThat(evaluate.err()).containsPattern(located);
    assertThat(evaluate.out() + evaluate.err()).doesNotContain("\tat ").doesNotContain("Exception")
        .doesNotContain("OutOfMemoryError");

    CliRun check = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run("rules", "check", rules.toString()));
    assertThat(check.exitCode()).isNotZero();
    assertThat(check.out()).containsPattern(located);
  }

  @Test
  void qualifiedNameSplitOverTwoLines_refusedAndNoFileCreated() throws IOException {
    Path marker = tmp.resolve("created-by-a-rule");
    Path rules = copyWith("hostile.drl", HEADER + """
        rule "RHIT-CEU: hostile"
        when
            Candidate()
        then
            java
              .nio.file.FileSystems.getDefault().getPath( "%s" ).toFile().createNewFile();
        end
        """.formatted(marker));

    assertRefused(rules, "hostile\\.drl:9:\\d+: error: .*FileSystems\\.getDefault");
    assertThat(marker).doesNotExist();
  }

  @Test
  void quotesWrittenAsUnicodeEscapes_refusedAndTheProcessLivesOn() throws IOException {
    Path rules = copyWith("hostile.drl", HEADER + """
        rule "RHIT-CEU: hostile"
        when
            Candidate()
        then
            String s = "\\u0022; java.lang.System.exit( 42 ); String t = \\u0022";
        end
        """);

    assertRefused(rules, "hostile\\.drl:8:\\d+: error: unicode escapes");
  }

  @Test
  void loopInAConsequence_refusedInsteadOfHanging() throws IOException {
    Path rules = copyWith("hostile.drl", HEADER + """
        rule "RHIT-CEU: hostile"
        when
            Candidate()
        then
            while ( true ) { }
        end
        """);

    assertRefused(rules, "hostile\\.drl:8:5: error: rule \"RHIT-CEU: hostile\": loops are not allowed");
  }

  @Test
  void textThatDoublesOnEveryFiring_refusedByTheSmokeRunAsALocatedProblem() throws IOException {
    Path rules = copyWith("hostile.drl", HEADER + """
        rule "RHIT-CEU: hostile"
        when
            $n : NoteFinding( ruleId == "RHIT-CEU" )
        then
            insert( new NoteFinding( "RHIT-CEU", "" + $n.message() + $n.message() ) );
        end

        rule "RHIT-CEU: the first note"
        when
            Candidate()
        then
            insert( new NoteFinding( "RHIT-CEU", "0123456789abcdef" ) );
        end
        """);

    // Since #14b every text a rule builds is capped, so the doubling stops at the cap, at the rule.
    assertRefused(rules, "hostile\\.drl:4:1: error: rule \"RHIT-CEU: hostile\" fails at run time.*at most 10000 characters");
  }

  @Test
  void textThatDoublesWithinOneConsequence_isCappedAtTheRuleEvenInASmallHeap() throws Exception {
    // Straight-line code is finite, but each statement may double the text: 30 of them would ask
    // for gigabytes within one firing, before any bound between firings can look. Every text a
    // rule builds is capped (RuleText), so the firing stops at the cap: a located problem, never
    // an OutOfMemoryError, even with a 96 MiB heap.
    Path rules = tmp.resolve("rules-oom");
    Files.createDirectories(rules);
    Path minimal = CliRun.REPO.resolve("rules-engine/src/test/resources/fixtures/minimal");
    for (String file : new String[] {"kb.properties", "policies.txt", "cahims.drl"}) {
      Files.copy(minimal.resolve(file), rules.resolve(file));
    }
    Files.writeString(rules.resolve("hostile.drl"), "package fixture.hostile;\nimport org.credpath.model.fact.*;\n\n"
        + "rule \"T-HS: hostile\"\nwhen\n    Candidate()\nthen\n    String s = \"0123456789abcdef\";\n"
        + "    s = s + s;\n".repeat(30) + "    insert( new NoteFinding( \"T-HS\", s ) );\nend\n");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx96m", "-XX:TieredStopAtLevel=1", "-Dcredpath.cache=off", "-cp", System.getProperty("java.class.path"),
        CredpathCli.class.getName(), "rules", "check", rules.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(ExitCode.RULES_ERROR);
    assertThat(output).startsWith("hostile.drl:4:1: error: rule \"T-HS: hostile\" fails at run time on a sample profile:"
        + " built a text of 16384 characters; rules may build texts of at most 10000 characters")
        .doesNotContain("memory").doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  @Test
  void misspeltThenInAhimaDrl_reportedAtTheTypo() throws IOException {
    Path rules = tmp.resolve("rules-typo");
    EvaluateCommandTest.copyBuiltInRules(rules);
    Path ahima = rules.resolve("ahima.drl");
    String text = Files.readString(ahima);
    int first = text.indexOf("\nthen\n");
    Files.writeString(ahima, text.substring(0, first) + "\nthenn ((\n" + text.substring(first + "\nthen\n".length()));

    long typoLine = text.substring(0, first + 1).lines().count() + 1; // the line the editor changed

    CliRun check = CliRun.run("rules", "check", rules.toString());

    assertThat(check.exitCode()).isEqualTo(ExitCode.RULES_ERROR);
    assertThat(check.out()).startsWith("ahima.drl:" + typoLine + ":1: error: `thenn` is not a rule keyword: did you mean `then`?\n");
  }
}
