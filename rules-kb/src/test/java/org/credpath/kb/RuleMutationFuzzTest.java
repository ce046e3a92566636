package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.credpath.engine.CredpathEngine;
import org.credpath.engine.RuleSource;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.HeldCredential;
import org.credpath.model.profile.HighSchool;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Mutates the built-in DRL files (a token deleted, an operator swapped, a forbidden call injected,
 * a line deleted or repeated) and loads each mutant: it is either accepted and evaluates (or fails
 * one evaluation cleanly), or refused with at least one problem located in a file. The process
 * never dies. 24 seeded mutants per build; more with -Dcredpath.rulefuzz.mutants=500.
 */
class RuleMutationFuzzTest {
  private static final String[] OPERATORS = {"==", "!=", ">=", "<=", ">", "<", "&&", "||"};
  private static final String[] INJECTIONS = {
      "System.exit( 3 );", "java.nio.file.Files.delete( java.nio.file.Path.of( \"/tmp/x\" ) );",
      "new Thread( () -> {} ).start();", "Object o = Class.forName( \"java.lang.Runtime\" );",
      "insert( new Object() );", "update( null );"};
  private static final List<CandidateProfile> PROFILES = List.of(
      new CandidateProfile("m1", "CA", HighSchool.DIPLOMA, null, null,
          List.of(new HeldCredential(CredentialCode.RHIT, LocalDate.of(2021, 3, 1), null),
              new HeldCredential(CredentialCode.CAHIMS, LocalDate.of(2022, 5, 1), null)), null, null, false),
      new CandidateProfile("m2", null, HighSchool.NONE, null, null, null, null, List.of(CredentialCode.RHIA), true));

  @TestFactory
  Stream<DynamicTest> mutants_areAcceptedAndEvaluate_orRefusedWithALocatedMessage() {
    Map<String, String> original = BuiltInKnowledgeBase.source().files();
    List<String> drlFiles = original.keySet().stream().filter(f -> f.endsWith(".drl")).toList();
    int count = Integer.getInteger("credpath.rulefuzz.mutants", 24);
    Random random = new Random(20261122);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String file = drlFiles.get(random.nextInt(drlFiles.size()));
      int kind = i % 5;
      String mutated = mutate(original.get(file), kind, random);
      Map<String, String> files = new TreeMap<>(original);
      files.put(file, mutated);
      tests.add(DynamicTest.dynamicTest("mutant " + i + " (" + kindName(kind) + " in " + file + ")", () -> check(files)));
    }
    return tests.stream();
  }

  private static void check(Map<String, String> files) {
    CredpathEngine engine;
    try {
      engine = CredpathEngine.load(RuleSource.of("mutant", files));
    } catch (RulesException refused) {
      assertThat(refused.problems()).isNotEmpty();
      assertThat(refused.problems()).as("at least one problem names a rule file and a line")
          .anyMatch(p -> files.containsKey(p.file()) && p.line() > 0 && p.severity() == RuleProblem.Severity.ERROR);
      return;
    }
    for (CandidateProfile profile : PROFILES) {
      try {
        assertThat(engine.evaluate(profile, LocalDate.of(2026, 11, 22)).candidateId()).isEqualTo(profile.id());
      } catch (EvaluationException failedCleanly) {
        assertThat(failedCleanly.getMessage()).isNotBlank();
      }
    }
  }

  private static String kindName(int kind) {
    return switch (kind) {
      case 0 -> "token deleted";
      case 1 -> "operator swapped";
      case 2 -> "forbidden call injected";
      case 3 -> "line deleted";
      default -> "line repeated";
    };
  }

  private static String mutate(String text, int kind, Random random) {
    String[] lines = text.split("\n", -1);
    int at = random.nextInt(lines.length);
    switch (kind) {
      case 0 -> {
        String[] tokens = lines[at].split("(?<=\\s)|(?=\\s)|(?<=[(),;])|(?=[(),;])");
        if (tokens.length > 0) {
          int drop = random.nextInt(tokens.length);
          StringBuilder line = new StringBuilder();
          for (int t = 0; t < tokens.length; t++) {
            line.append(t == drop ? "" : tokens[t]);
          }
          lines[at] = line.toString();
        }
      }
      case 1 -> {
        for (int tries = 0; tries < lines.length; tries++) {
          int index = (at + tries) % lines.length;
          for (String op : OPERATORS) {
            if (lines[index].contains(" " + op + " ")) {
              lines[index] = lines[index].replaceFirst(java.util.regex.Pattern.quote(" " + op + " "),
                  " " + OPERATORS[random.nextInt(OPERATORS.length)] + " ");
              return String.join("\n", lines);
            }
          }
        }
      }
      case 2 -> {
        for (int tries = 0; tries < lines.length; tries++) {
          int index = (at + tries) % lines.length;
          if (lines[index].strip().equals("then")) {
            lines[index] = lines[index] + "\n    " + INJECTIONS[random.nextInt(INJECTIONS.length)];
            return String.join("\n", lines);
          }
        }
      }
      case 3 -> lines[at] = "";
      default -> lines[at] = lines[at] + "\n" + lines[at];
    }
    return String.join("\n", lines);
  }
}
