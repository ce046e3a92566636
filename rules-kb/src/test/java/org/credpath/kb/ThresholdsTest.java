package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.credpath.engine.CredpathEngine;
import org.credpath.engine.RuleSource;
import org.credpath.model.error.RulesException;
import org.junit.jupiter.api.Test;

/** Thresholds are named data: no number in a rule file, and every mistake in a thresholds file is located. */
class ThresholdsTest {
  private static final Map<String, String> FILES = BuiltInKnowledgeBase.source().files();
  private static final String RHIT = "thresholds/rhit.properties";
  private static final String AHIMA = "thresholds/ahima.properties";

  @Test
  void noRuleFileHoldsAThresholdNumber() {
    // 0 and 1 are arithmetic (the day after, none, at least one), not policy.
    Pattern number = Pattern.compile("(?<![\\w.\"-])(?!0\\b|1\\b)\\d+(?![\\w\"-])");
    FILES.forEach((path, text) -> {
      if (path.endsWith(".drl")) {
        for (String line : text.split("\n")) {
          String code = line.replaceFirst("//.*", "").replaceFirst("^rule \"[^\"]*\"", "");
          assertThat(number.matcher(code).find()).as(path + ": " + line).isFalse();
        }
      }
    });
  }

  @Test
  void unknownKey_isLocatedInTheThresholdsFile() {
    RulesException e = refused(RHIT, t -> t + "ceu=20\n");
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo(RHIT);
      assertThat(p.line()).isEqualTo(FILES.get(RHIT).split("\n").length + 1);
      assertThat(p.message()).contains("`ceu`", "spelling");
    });
  }

  @Test
  void missingKey_isLocatedAtTheRuleThatReadsIt() {
    RulesException e = refused(RHIT, t -> t.replace("ceus=20", "# ceus=20"));
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo("rhit.drl");
      assertThat(p.line()).isPositive();
      assertThat(FILES.get("rhit.drl").split("\n")[p.line() - 1].substring(p.column() - 1)).startsWith("rhit.ceus");
      assertThat(p.message()).contains("rhit.ceus", "thresholds/rhit.properties");
    });
  }

  @Test
  void wrongType_isLocatedAtTheValue() {
    RulesException e = refused(AHIMA, t -> t.replace("source.from=2025-01-01", "source.from=2025-13-01")
        .replace("inactive.days=180", "inactive.days= 180 days"));
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo(AHIMA);
      assertThat(p.message()).contains("`source.from` must be a date");
    });
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo(AHIMA);
      assertThat(p.column()).isEqualTo("inactive.days= ".length() + 1);
      assertThat(p.message()).contains("`inactive.days` must be a whole number");
    });
  }

  @Test
  void changingOnlyAThreshold_changesTheResult() {
    Map<String, String> files = new TreeMap<>(FILES);
    files.put(RHIT, FILES.get(RHIT).replace("ceus=20", "ceus=30"));
    CredpathEngine edited = CredpathEngine.load(RuleSource.of("edited", files));
    var profile = new org.credpath.model.profile.CandidateProfile("t", null,
        org.credpath.model.profile.HighSchool.DIPLOMA, null, null,
        java.util.List.of(new org.credpath.model.profile.HeldCredential(
            org.credpath.model.profile.CredentialCode.RHIT, java.time.LocalDate.parse("2025-03-01"), null)),
        null, null, false);
    var asOf = java.time.LocalDate.parse("2026-03-01");
    assertThat(edited.evaluate(profile, asOf).credentials()).filteredOn(c -> c.code().equals("RHIT"))
        .singleElement().satisfies(c -> assertThat(c.cycle().required()).isEqualTo(30));
  }

  private static RulesException refused(String file, UnaryOperator<String> edit) {
    Map<String, String> files = new TreeMap<>(FILES);
    files.put(file, edit.apply(FILES.get(file)));
    return (RulesException) org.assertj.core.api.Assertions.catchThrowable(
        () -> CredpathEngine.load(RuleSource.of("edited", files)));
  }
}
