package org.credpath.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code credpath} command: subcommands for evaluating profiles and working on rules. */
@Command(
    name = "credpath",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Tells people who want a career in health information which credential they can pursue next "
            + "(RHIT, CAHIMS and their neighbours), what they still lack, and when a held credential must be renewed.",
        ""},
    subcommands = {EvaluateCommand.class, ServeCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:all records evaluated",
        " 1:scenario or check failures (rules test / rules check)",
        "64:bad usage",
        "65:some records were invalid; all valid ones were still written",
        "66:an input file cannot be read",
        "70:internal error",
        "78:the rules do not compile or fail validation"})
public final class CredpathCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with credpath's exit codes and error handling. */
  public static CommandLine commandLine() {
    return configured(new CommandLine(new CredpathCli()));
  }

  /**
   * The command line for {@code args}: for {@code evaluate}, the most frequent and start-up bound
   * command, only its own model under a bare {@code credpath} parent, since picocli otherwise
   * builds the model of every subcommand by reflection before parsing (tens of milliseconds at
   * each start). Parsing, help, errors and exit codes of {@code evaluate} depend only on its own
   * model and the parent's name (EarlyStartTest compares them with {@link #commandLine()}); any
   * other first argument gets the full command line.
   */
  static CommandLine commandLineFor(String[] args) {
    if (args.length == 0 || !args[0].equals("evaluate")) {
      return commandLine();
    }
    CommandLine parent = new CommandLine(CommandLine.Model.CommandSpec.create().name("credpath"));
    parent.addSubcommand("evaluate", new EvaluateCommand());
    return configured(parent);
  }

  /** {@code cli} with credpath's exit codes, error handling and converters, for it and its subcommands. */
  private static CommandLine configured(CommandLine cli) {
    cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
    cli.setParameterExceptionHandler((e, args) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("credpath: " + e.getMessage());
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      return ExitCode.USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      err.println("credpath: internal error: " + e);
      if (System.getenv("CREDPATH_DEBUG") != null) {
        e.printStackTrace(err);
      } else {
        err.println("Set CREDPATH_DEBUG=1 to see the stack trace, and please report it.");
      }
      return ExitCode.INTERNAL;
    });
    cli.registerConverter(java.time.LocalDate.class, new DateConverter());
    return cli;
  }

  /**
   * Runs the command with UTF-8 output whatever the platform locale, because messages contain
   * characters such as "—" that an ASCII locale would turn into "?".
   */
  public static void main(String[] args) {
    EarlyStart.begin(args); // the built-in rules load while picocli builds its model
    CommandLine cli = commandLineFor(args);
    // The raw descriptor, not System.out: a PrintStream hides a closed pipe, and the run must stop then.
    PrintWriter out = new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(
        new java.io.FileOutputStream(java.io.FileDescriptor.out), java.nio.charset.StandardCharsets.UTF_8), 1 << 16));
    cli.setOut(out);
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
    int code = cli.execute(args);
    out.flush();
    System.exit(code);
  }
}
