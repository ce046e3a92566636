package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.credpath.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Input limits, injected faults and privacy, each checked the way an operator would notice. */
class HardeningTest {
  @TempDir Path tmp;

  private static JsonNode only(CliRun run) throws IOException {
    String[] lines = run.out().strip().split("\n");
    assertThat(lines).hasSize(1);
    return Json.readTree(lines[0]);
  }

  private static CliRun evaluateStdin(String input) {
    return CliRun.runWithStdin(input, "evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "-");
  }

  // ---- bounded input ----

  @Test
  void deepNesting_refusedAsTooLarge() throws IOException {
    CliRun run = evaluateStdin("{\"id\":\"deep\",\"highSchool\":\"GED\",\"goals\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n");

    assertThat(only(run).at("/error/code").asText()).isEqualTo("TOO_LARGE");
    assertThat(run.exitCode()).isEqualTo(ExitCode.DATA_ERROR);
  }

  @Test
  void giantStringAndGiantNumber_refused() throws IOException {
    assertThat(only(evaluateStdin("{\"id\":\"" + "x".repeat(50_000) + "\",\"highSchool\":\"GED\"}\n")).at("/error/code").asText())
        .isEqualTo("TOO_LARGE");
    assertThat(only(evaluateStdin("{\"id\":\"n\",\"highSchool\":\"GED\",\"experience\":[{\"months\":" + "9".repeat(500) + "}]}\n"))
        .at("/error/code").asText()).isEqualTo("TOO_LARGE");
    assertThat(only(evaluateStdin("{\"id\":\"h\",\"highSchool\":\"GED\",\"continuingEducation\":[{\"date\":\"2025-01-01\",\"hours\":1e400}]}\n"))
        .at("/error/path").asText()).isEqualTo("$.continuingEducation[0].hours");
  }

  @Test
  void hugeList_refusedNamingTheList() throws IOException {
    String ceus = String.join(",", java.util.Collections.nCopies(1001, "{\"date\":\"2025-01-01\",\"hours\":1}"));
    JsonNode error = only(evaluateStdin("{\"id\":\"l\",\"highSchool\":\"GED\",\"continuingEducation\":[" + ceus + "]}\n"));

    assertThat(error.at("/error/path").asText()).isEqualTo("$.continuingEducation");
    assertThat(error.at("/error/message").asText()).contains("more than 1000 entries");
  }

  @Test
  void invalidUtf8_costsOnlyItsRecord() throws IOException {
    Path input = tmp.resolve("mixed.ndjson");
    byte[] bad = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}', '\n'};
    Files.write(input, concat("{\"id\":\"a\",\"highSchool\":\"GED\"}\n".getBytes(StandardCharsets.UTF_8), bad,
        "{\"id\":\"c\",\"highSchool\":\"GED\"}\n".getBytes(StandardCharsets.UTF_8)));

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", input.toString());

    List<String> outcome = new java.util.ArrayList<>();
    for (String line : run.out().lines().toList()) {
      JsonNode node = Json.readTree(line);
      outcome.add(node.has("error") ? node.at("/error/code").asText() : node.get("candidateId").asText());
    }
    assertThat(outcome).containsExactly("a", "INVALID_ENCODING", "c");
  }

  // ---- faults ----

  @Test
  void fullDisk_clearMessageExit70_noStackTrace() {
    assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full (Linux)");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--output", "/dev/full",
        CliRun.EXAMPLES.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(run.err()).contains("cannot write the results to /dev/full").contains("No space left on device")
        .doesNotContain("\tat ");
  }

  @Test
  void closedPipe_stopsWithExit70_andWhatWasWrittenIsCompleteRecords() throws IOException {
    Path population = tmp.resolve("population.ndjson");
    Population.write(population, 3000, 42);
    StringBuilder received = new StringBuilder();
    OutputStream closesAfter100k = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        if (received.length() >= 100_000) {
          throw new IOException("Broken pipe");
        }
        received.append((char) b);
      }
    };
    CommandLine cli = CredpathCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new OutputStreamWriter(closesAfter100k, StandardCharsets.UTF_8)));
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", population.toString());

    assertThat(code).isEqualTo(ExitCode.INTERNAL);
    assertThat(err.toString()).contains("broken pipe").doesNotContain("\tat ");
    String text = received.toString();
    assertThat(text.substring(0, text.lastIndexOf('\n') + 1).lines())
        .isNotEmpty().allSatisfy(line -> assertThat(Json.readTree(line).has("candidateId")).isTrue());
  }

  @Test
  void killedRun_leavesOnlyCompleteRecords_andTermFlushesThem() throws Exception {
    Path population = tmp.resolve("big.ndjson");
    Population.write(population, 30000, 42);
    for (boolean forcibly : new boolean[] {true, false}) {
      Path output = tmp.resolve("out-" + forcibly + ".ndjson");
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dcredpath.cache=" + System.getProperty("credpath.cache", "off"),
          "-cp", System.getProperty("java.class.path"), CredpathCli.class.getName(),
          "evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--threads", "2",
          "--output", output.toString(), population.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((!Files.exists(output) || Files.size(output) < 200_000) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (forcibly) {
        process.destroyForcibly(); // SIGKILL: no chance to flush
      } else {
        process.destroy(); // SIGTERM: the shutdown hook writes the complete records it holds
      }
      process.waitFor(30, TimeUnit.SECONDS);

      String text = Files.readString(output);
      assertThat(text).as("killed mid-run, not finished").isNotEmpty();
      assertThat(text).endsWith("\n");
      List<String> lines = text.lines().toList();
      assertThat(lines).allSatisfy(line -> assertThat(Json.readTree(line).has("candidateId")).isTrue());
    }
  }

  @Test
  void directoryAsInput_exit66() {
    CliRun run = CliRun.run("evaluate", tmp.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO_INPUT);
    assertThat(run.err()).contains("is a directory");
  }

  // ---- privacy ----

  @Test
  void errorRecordsAndStderr_namePathsAndIdsButNeverProfileContent() {
    String input = String.join("\n",
        "{\"id\":\"p1\",\"highSchool\":\"DIPLOMA\",\"state\":\"Jane Doe 555-0199\"}",
        "{\"id\":\"p2\",\"highSchool\":\"DIPLOMA\",\"experience\":[{\"role\":\"Nurse, St Secret Hospital\",\"months\":-4}]}",
        "{\"id\":\"p3\",\"highSchool\":\"SSN-123-45-6789\"}",
        "{\"id\":\"p4\",\"highSchool\":\"DIPLOMA\",\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"1999-13-45\"}]}",
        "{\"id\":\"p5\",\"highSchool\":\"DIPLOMA\",\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"2031-04-05\"}]}",
        "{\"id\":\"p6\",\"highSchool\":\"DIPLOMA\",\"experience\":[{\"role\":\"Jane's clinic\",\"months\":\"lots\"}]}",
        "{\"id\":\"p7\", \"highSchool\": \"Jane Doe") + "\n";

    CliRun run = CliRun.runWithStdin(input, "evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-");

    assertThat(run.out().lines().count()).isEqualTo(7);
    for (String secret : List.of("Jane", "555-0199", "Secret", "123-45-6789", "1999-13-45", "2031-04-05", "lots")) {
      assertThat(run.out()).as("results").doesNotContain(secret);
      assertThat(run.err()).as("stderr").doesNotContain(secret);
    }
    assertThat(run.out()).contains("\"p1\"").contains("$.state").contains("$.experience[0].months");
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

}
