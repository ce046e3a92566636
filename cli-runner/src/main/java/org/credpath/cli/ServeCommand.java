package org.credpath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.credpath.model.error.RulesException;
import org.credpath.server.CredpathServer;
import org.credpath.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code credpath serve}: the HTTP decision service and the counselor's page, until SIGTERM or Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Serves the decision API (POST /v1/evaluations, GET /v1/knowledge-base, /health/live, /health/ready, /metrics, "
            + "/openapi.json) and the counselor's plan page at /, until stopped with SIGTERM or Ctrl-C.",
        "Requests in flight finish before it stops. One access-log line per request goes to standard error, "
            + "with no body and no query.",
        ""},
    footer = {
        "",
        "Examples:",
        "  bin/credpath serve",
        "  bin/credpath serve --port 9090 --rules my-rules/ --reload"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:stopped",
        "64:bad usage",
        "70:the port cannot be opened, or an internal error",
        "78:the rules given with --rules do not compile or fail validation"})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "TCP port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Interface to listen on; 0.0.0.0 opens it to the network. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "A directory of .drl files instead of the built-in rules.")
  Path rules;

  @Option(names = "--reload",
      description = "Watch --rules DIR and swap in changed rules once they compile and pass their checks; "
          + "the old rules keep serving meanwhile and when the new ones fail.")
  boolean reload;

  @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "10485760",
      description = "Largest request body accepted; larger ones get 413. Default: ${DEFAULT-VALUE} (10 MiB).")
  long maxBody;

  @Option(names = "--max-profiles", paramLabel = "N", defaultValue = "10000",
      description = "Most profiles one request may carry (array elements or NDJSON lines); a larger array gets 413, "
          + "NDJSON ends with a TOO_LARGE record. Default: ${DEFAULT-VALUE}.")
  int maxProfiles;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "200",
      description = "Most connections open at once, at most 200 (the 250 worker threads less a reserve, so clients "
          + "that do not read their responses cannot take every thread); past it new ones wait until one closes, "
          + "and open connections idle for 2 s are closed. Default: ${DEFAULT-VALUE}.")
  int maxConnections;

  @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "20",
      description = "Time a request body has to arrive whole after its headers; then 408 and the connection "
          + "is closed. Default: ${DEFAULT-VALUE}.")
  int bodyTimeoutSeconds;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (reload && rules == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--reload needs --rules DIR");
    }
    if (port < 0 || port > 65535 || maxBody < 1 || maxProfiles < 1 || maxConnections < 1 || bodyTimeoutSeconds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535; --max-body, "
          + "--max-profiles, --max-connections and --body-timeout 1 or more");
    }
    int mostConnections = ServerOptions.Guards.connectionsFor(ServerOptions.Guards.DEFAULT.maxThreads());
    if (maxConnections > mostConnections) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-connections must be at most "
          + mostConnections + ": each connection may hold one of the service's " + ServerOptions.Guards.DEFAULT.maxThreads()
          + " worker threads, and some must stay free for health checks and new clients");
    }
    if (RulesLoader.limitsInvalid(err)) {
      return ExitCode.RULES_ERROR;
    }
    ServerOptions options = ServerOptions.defaults(line -> {
      err.println(line);
      err.flush();
    }).withAddress(host, port).withRules(rules, reload).withCache(RulesLoader.cacheDir());
    options = options.withLimits(maxBody, options.idleTimeoutMillis(), options.stopTimeoutMillis());
    ServerOptions.Guards defaults = options.guards();
    options = options.withGuards(new ServerOptions.Guards(defaults.maxThreads(), maxConnections,
        bodyTimeoutSeconds * 1000L, defaults.requestTimeoutMillis(), maxProfiles, defaults.maxHeldBodyBytes()));
    CredpathServer server;
    try {
      server = CredpathServer.start(options);
    } catch (RulesException e) {
      RulesLoader.printProblems(err, e, rules);
      return ExitCode.RULES_ERROR;
    } catch (java.net.BindException e) {
      err.println("credpath: " + e.getMessage() + "; choose another with --port");
      return ExitCode.INTERNAL;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      err.println("credpath: stopping; requests in flight finish first");
      err.flush();
      try {
        server.close();
      } catch (IOException ignored) {
        // stopping anyway
      }
      stopped.countDown();
    }, "credpath-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    err.println("listening on " + server.url());
    err.flush();
    stopped.await();
    return ExitCode.OK;
  }
}
