package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code main} builds only {@code evaluate}'s model when that is the command
 * ({@link CredpathCli#commandLineFor}): whatever the arguments, the output, the errors and the
 * exit code are those of the full command line, byte for byte.
 */
class EvaluateOnlyModelTest {
  private static final String PROFILES = CliRun.EXAMPLES.toString();

  private static CliRun run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Test
  void evaluate_sameAsTheFullCommandLine_forHelpErrorsAndResults(@TempDir Path tmp) throws IOException {
    Path argFile = tmp.resolve("args.txt");
    Files.writeString(argFile, "--format csv --as-of 2026-11-22 -q --rules " + tmp + " " + PROFILES);
    List<String[]> cases = List.of(
        new String[] {"evaluate", "@" + argFile},
        new String[] {"evaluate", "--help"},
        new String[] {"evaluate", "-h"},
        new String[] {"evaluate", "-V"},
        new String[] {"evaluate", "--version"},
        new String[] {"evaluate", "--bogus", PROFILES},
        new String[] {"evaluate", "--form", "csv", PROFILES},
        new String[] {"evaluate", "--format", "xml", PROFILES},
        new String[] {"evaluate", "--as-of", "2026-13-01", PROFILES},
        new String[] {"evaluate", "--threads", "0", PROFILES},
        new String[] {"evaluate", "--threads"},
        new String[] {"evaluate", "--rules"},
        new String[] {"evaluate", "--lang", "fr", "--as-of", "2026-11-22", PROFILES},
        new String[] {"evaluate", "-", "-"},
        new String[] {"evaluate", "serve"},
        new String[] {"evaluate", "help"},
        new String[] {"evaluate", "--as-of", "2026-11-22", "-q", "--format", "csv", PROFILES},
        new String[] {"evaluate", "--as-of", "2026-11-22", "-q", "--format", "text", "--lang", "es", PROFILES});
    for (String[] args : cases) {
      CliRun full = run(CredpathCli.commandLine(), args);
      CliRun lean = run(CredpathCli.commandLineFor(args), args);

      assertThat(lean).as(String.join(" ", args)).isEqualTo(full);
    }
  }

  @Test
  void otherCommands_getTheFullCommandLine() {
    for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "evaluate"},
        new String[] {"rules", "check"}, new String[] {"serve", "--help"}, new String[] {"Evaluate"})) {
      assertThat(CredpathCli.commandLineFor(args).getSubcommands()).as(String.join(" ", args))
          .containsOnlyKeys("evaluate", "serve", "rules", "help");
    }
    assertThat(CredpathCli.commandLineFor(new String[] {"evaluate"}).getSubcommands()).containsOnlyKeys("evaluate");
  }
}
