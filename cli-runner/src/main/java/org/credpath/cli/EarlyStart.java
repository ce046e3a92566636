package org.credpath.cli;

import java.util.Set;

/**
 * What {@code main} starts before picocli has even read the arguments: the built-in rules' load
 * ({@link RulesLoader#startBuiltIn}), when the arguments show that the command will load them
 * anyway. Building picocli's model and reading the input then overlap the load on the second core.
 *
 * <p>Decided from the raw arguments, conservatively: only {@code evaluate}, and not when an
 * argument could mean other rules ({@code --rules}), help or version, or an argument file
 * ({@code @file}) whose contents are unknown here. When in doubt nothing starts early and the
 * command runs exactly as without this; when it starts and the command ends before it asks (a bad
 * option, an unreadable file), only the CPU time of a daemon thread is lost.
 */
final class EarlyStart {
  /** Options after which the built-in rules may not be loaded at all. */
  private static final Set<String> NOT_LOADING = Set.of("--rules", "-h", "--help", "-V", "--version");

  private EarlyStart() {}

  /** Starts what {@code args} will need; returns whether the built-in rules began loading. */
  static boolean begin(String[] args) {
    if (!loadsBuiltInRules(args)) {
      return false;
    }
    RulesLoader.startBuiltIn();
    return true;
  }

  /** Whether a command line with these arguments certainly loads the built-in rules. */
  static boolean loadsBuiltInRules(String[] args) {
    if (args.length == 0 || !args[0].equals("evaluate")) {
      return false;
    }
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String option = arg.startsWith("--") && arg.indexOf('=') > 0 ? arg.substring(0, arg.indexOf('=')) : arg;
      if (NOT_LOADING.contains(option) || arg.startsWith("@")) {
        return false;
      }
      // Clustered short options (-qh): any but -q alone might hold -h or -V.
      if (arg.length() > 1 && arg.charAt(0) == '-' && arg.charAt(1) != '-' && !arg.equals("-q")) {
        return false;
      }
    }
    return true;
  }
}
