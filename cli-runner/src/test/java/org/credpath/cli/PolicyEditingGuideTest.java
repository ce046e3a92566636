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
      "<!-- doc-test: (replace|append|delete) (\\S+)(?: \"((?:[^\"\\\\]|\\\\.)*)\")?(?: \"((?:[^\"\\\\]|\\\\.)*)\")? -->");

  @TempDir Path work;

  @Test
  void everyCommandOfTheGuide_givesTheExitCodeItDocuments() throws IOException {
    List<String> ran = new ArrayList<>();
    boolean inShell = false;
    for (String line : Files.readAllLines(GUIDE)) {
      Matcher directive = DIRECTIVE.matcher(line);
      if (directive.find()) {
        apply(directive);
      } else if (line.startsWith("```")) {
        inShell = line.equals("```sh");
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
    assertThat(ran).as("commands run from the guide").hasSizeGreaterThanOrEqualTo(8);
  }

  private String[] arguments(String command) {
    List<String> args = new ArrayList<>();
    String[] words = command.split("\\s+");
    for (int i = 1; i < words.length; i++) {
      args.add(resolve(words[i]));
    }
    return args.toArray(String[]::new);
  }

  /** my-rules lives in the temporary folder; other relative paths are relative to the repository. */
  private String resolve(String word) {
    if (word.equals("my-rules") || word.startsWith("my-rules/")) {
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
