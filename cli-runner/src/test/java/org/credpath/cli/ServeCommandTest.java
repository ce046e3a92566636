package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credpath serve} as a person runs it, in a separate JVM: it says where it listens, the
 * README's {@code curl} examples work as written (only the port differs: the test asks for a free
 * one), each request leaves one access-log line without body or query, and SIGTERM stops it cleanly.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServeCommandTest {
  static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

  @Test
  void readmeCurlExamplesAgainstARealServeProcess(@TempDir Path dir) throws Exception {
    List<String> commands = readmeCommands();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(6);
    // Standard error goes to a file: reading a pipe races with the JVM closing it when the process ends.
    Path errFile = dir.resolve("serve.err");
    Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dcredpath.cache=" + System.getProperty("credpath.cache", "target/credpath-cache"),
        "-cp", System.getProperty("java.class.path"), CredpathCli.class.getName(), "serve", "--port", "0")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errFile.toFile()).start();
    try {
      String port = null;
      for (int i = 0; i < 300 && port == null; i++) {
        Matcher m = LISTENING.matcher(Files.readString(errFile));
        port = m.find() ? m.group(1) : null;
        if (port == null) {
          assertThat(serve.isAlive()).as("serve is running: " + Files.readString(errFile)).isTrue();
          Thread.sleep(100);
        }
      }
      assertThat(port).as("serve printed where it listens").isNotNull();
      for (String command : commands) {
        String output = bash(command.replace("127.0.0.1:8080", "127.0.0.1:" + port));
        check(command, output);
      }
      serve.destroy(); // SIGTERM
      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
      List<String> log = Files.readAllLines(errFile);
      assertThat(log).as("exit " + serve.exitValue()).anyMatch(l -> l.contains("stopping; requests in flight finish first"));
      List<String> access = log.stream().filter(l -> l.matches("(GET|POST) \\S+ \\d{3} \\d+ [\\d.]+ms")).toList();
      assertThat(access).hasSize(commands.size());
      assertThat(String.join("\n", log)).doesNotContain("asOf", "educaton", "c-2", "Exception");
    } finally {
      serve.destroyForcibly();
    }
  }

  @Test
  void usageRulesAndPortErrorsGiveTheDocumentedExitCodes(@TempDir Path dir) throws Exception {
    CliRun noRules = CliRun.run("serve", "--reload");
    assertThat(noRules.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(noRules.err()).contains("--reload needs --rules DIR");
    // More connections than the worker threads less a reserve would let clients that do not read take every thread.
    CliRun tooMany = CliRun.run("serve", "--port", "0", "--max-connections", "201");
    assertThat(tooMany.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(tooMany.err()).contains("--max-connections must be at most 200");

    Path broken = dir.resolve("rules");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("kb.properties"), "name=broken\nversion=1\n");
    Files.writeString(broken.resolve("policies.txt"), "T-X | H | test | x\n");
    Files.writeString(broken.resolve("x.drl"), "package p;\nrule \"T-X: broken\" when then this is not DRL\nend\n");
    CliRun badRules = CliRun.run("serve", "--port", "0", "--rules", broken.toString());
    assertThat(badRules.exitCode()).isEqualTo(ExitCode.RULES_ERROR);
    assertThat(badRules.err()).contains("x.drl").contains("were not loaded");

    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun busy = CliRun.run("serve", "--port", Integer.toString(taken.getLocalPort()));
      assertThat(busy.exitCode()).isEqualTo(ExitCode.INTERNAL);
      assertThat(busy.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "--port");
    }
  }

  /** The {@code curl} lines of the README's service examples. */
  static List<String> readmeCommands() throws Exception {
    String readme = Files.readString(CliRun.REPO.resolve("README.md"));
    int start = readme.indexOf("<!-- serve-examples -->");
    assertThat(start).as("README marks its service examples").isPositive();
    int open = readme.indexOf("```sh\n", start) + 6;
    String block = readme.substring(open, readme.indexOf("```", open));
    return block.lines().filter(l -> l.startsWith("curl ")).toList();
  }

  private static String bash(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", command).directory(CliRun.REPO.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(command).isZero();
    return out;
  }

  /** What each example is documented to print. */
  private static void check(String command, String output) throws Exception {
    assertThat(output).as(command).isNotBlank();
    if (command.contains("/metrics")) {
      assertThat(output).contains("credpath_evaluations_total{outcome=\"result\"}");
    } else if (command.contains("x-ndjson")) {
      assertThat(output.lines().map(ServeCommandTest::tree).map(n -> n.get("candidateId").asText()).toList())
          .containsExactly("a", "b");
    } else if (command.contains("educaton")) {
      JsonNode problem = tree(output);
      assertThat(problem.get("status").asInt()).isEqualTo(422);
      assertThat(problem.at("/errors/0/path").asText()).isEqualTo("$.educaton");
    } else if (command.contains("examples/profiles.json")) {
      assertThat(output).isEqualTo(CliRun.run("evaluate", "--as-of", "2026-11-22", "-q", CliRun.EXAMPLES.toString()).out());
    } else if (command.contains("/v1/evaluations")) {
      assertThat(tree(output).get("candidateId").asText()).isNotBlank();
    } else if (command.contains("/health/ready")) {
      assertThat(tree(output).get("status").asText()).isEqualTo("READY");
    } else if (command.contains("/v1/knowledge-base")) {
      assertThat(tree(output).get("policies")).isNotEmpty();
    } else if (command.contains("/openapi.json")) {
      assertThat(tree(output).get("openapi").asText()).startsWith("3.1");
    }
  }

  private static JsonNode tree(String text) {
    try {
      return Json.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
