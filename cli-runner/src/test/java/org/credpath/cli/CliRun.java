package org.credpath.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the credpath command in-process, capturing what it writes. */
record CliRun(int exitCode, String out, String err) {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path EXAMPLES = REPO.resolve("examples/profiles.json");

  static CliRun run(String... args) {
    return runWithStdin(null, args);
  }

  static CliRun runWithStdin(String stdin, String... args) {
    CommandLine cli = CredpathCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    InputStream original = System.in;
    if (stdin != null) {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      int code = cli.execute(args);
      return new CliRun(code, out.toString(), err.toString());
    } finally {
      System.setIn(original);
    }
  }
}
