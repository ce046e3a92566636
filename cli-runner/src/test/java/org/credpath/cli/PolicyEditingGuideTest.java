package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/policy-editing.md as written: every {@code credpath …} line of its shell blocks, in
 * order, must give the exit code written beside it, and the guide's edits (its
 * {@code <!-- doc-test: … -->} comments) are applied to the working copy between them.
 */
class PolicyEditingGuideTest {
  private static final Path GUIDE = CliRun.REPO.resolve("docs/policy-editing.md");
  private static final Pattern EXIT = Pattern.compile("^(credpath .+?)\\s+# exit (\\d+)$");
  private static final Pattern DIRECTIVE = Pattern.compile(
      "<!-- doc-test: (replace|append|delete|create|add) (\\S+)(?: \"((?:[^\"\\\\]|\\\\.)*)\")?(?: \"((?:[^\"\\\\]|\\\\.)*)\")? -->");

  @TempDir Path work;

  @Test
  void everyCommandOfTheGuide_givesTheExitCodeItDocuments() throws IOException {
    List<String> ran = new ArrayList<>();
    boolean inShell = false;
    boolean inBlock = false;
    Matcher pending = null; // a create/add directive: it writes the next fenced block, as shown
    StringBuilder block = new StringBuilder();
    for (String line : Files.readAllLines(GUIDE)) {
      Matcher directive = DIRECTIVE.matcher(line);
      if (directive.find()) {
        if (directive.group(1).equals("create") || directive.group(1).equals("add")) {
          pending = directive;
        } else {
          apply(directive);
        }
      } else if (line.startsWith("```")) {
        inShell = !inBlock && line.equals("```sh");
        if (inBlock && pending != null) {
          write(pending, block.toString());
          pending = null;
        }
        inBlock = !inBlock;
        block.setLength(0);
      } else if (inBlock && pending != null) {
        block.append(line).append('\n');
      } else if (inShell && line.startsWith("cp -r ")) {
        EvaluateCommandTest.copyBuiltInRules(work.resolve("my-rules"));
      } else if (inShell && line.startsWith("credpath ")) {
        Matcher command = EXIT.matcher(line.strip());
        assertThat(command.matches()).as("every credpath command in the guide says its exit code: %s", line).isTrue();
        CliRun run = CliRun.run(arguments(command.group(1)));
        assertThat(run.exitCode()).as("%s%nstdout:%n%s%nstderr:%n%s", line, run.out(), run.err())
            .isEqualTo(Integer.parseInt(command.group(2)));
        ran.add(command.group(1));
      }
    }
    assertThat(ran).as("commands run from the guide").hasSizeGreaterThanOrEqualTo(12);
    assertThat(pending).as("a create/add directive without a block after it").isNull();

    // Section 8 added a credential without any Java change: the plan names it, in Spanish too.
    CliRun spanish = CliRun.run("evaluate", "--rules", work.resolve("my-rules").toString(), "--lang", "es",
        "--as-of", "2026-11-22", "--format", "text", work.resolve("my-scenarios/candidate.json").toString());
    assertThat(spanish.out()).contains("CHD_X   PUEDE PRESENTARSE", "1. Presente su solicitud a AHIMA y programe el examen CHD-X.",
        "[CHDX-ELIG, confianza I");
    CliRun builtIn = CliRun.run("evaluate", "--as-of", "2026-11-22", work.resolve("my-scenarios/candidate.json").toString());
    assertThat(builtIn.out()).contains("\"UNKNOWN_VALUE\"", "\"$.goals[0]\"");
  }

  /** A create or add directive: the fenced block after it becomes the file, or is added to its end. */
  private void write(Matcher directive, String text) throws IOException {
    Path file = work.resolve(directive.group(2));
    Files.createDirectories(file.getParent());
    if (directive.group(1).equals("create")) {
      assertThat(file).as("the guide creates a new file").doesNotExist();
      Files.writeString(file, text);
    } else {
      String before = Files.readString(file);
      Files.writeString(file, before + (before.endsWith("\n") ? "" : "\n") + text);
    }
  }

  private String[] arguments(String command) {
    List<String> args = new ArrayList<>();
    String[] words = command.split("\\s+");
    for (int i = 1; i < words.length; i++) {
      args.add(resolve(words[i]));
    }
    return args.toArray(String[]::new);
  }

  /** my-rules and my-scenarios live in the temporary folder; other relative paths are relative to the repository. */
  private String resolve(String word) {
    if (word.startsWith("my-")) {
      return work.resolve(word).toString();
    }
    Path inRepo = CliRun.REPO.resolve(word);
    return !word.startsWith("-") && Files.exists(inRepo) ? inRepo.toString() : word;
  }

  private void apply(Matcher directive) throws IOException {
    Path file = work.resolve(directive.group(2));
    switch (directive.group(1)) {
      case "replace" -> {
        String text = Files.readString(file);
        String from = unescape(directive.group(3));
        assertThat(text).as("the guide's edit must apply to %s", file.getFileName()).contains(from);
        Files.writeString(file, text.replace(from, unescape(directive.group(4))));
      }
      case "append" -> Files.writeString(file, unescape(directive.group(3)));
      case "delete" -> Files.delete(file);
      default -> throw new IllegalStateException(directive.group(1));
    }
  }

  private static String unescape(String text) {
    return text.replace("\\n", "\n").replace("\\\"", "\"");
  }
}
