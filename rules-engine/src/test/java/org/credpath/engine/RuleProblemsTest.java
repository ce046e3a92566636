package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.junit.jupiter.api.Test;

/** Broken rule files are refused with located, plain-words problems, never a Drools stack trace. */
class RuleProblemsTest {

  private static RuleProblem onlyError(RuleSource source) {
    try {
      CredpathEngine.load(source);
    } catch (RulesException e) {
      assertThat(e.problems()).filteredOn(p -> p.severity() == RuleProblem.Severity.ERROR).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("the rules loaded, but they should have been refused");
  }

  @Test
  void syntaxError_reportedAtItsFileAndLine() {
    RuleProblem problem = onlyError(Fixtures.minimalWith("broken.drl", Fixtures.drl("""
        rule "T-HS: missing parenthesis"
        when
            Candidate( hasHighSchoolCredential
        then
        end
        """)));

    assertThat(problem.file()).isEqualTo("broken.drl");
    assertThat(problem.line()).isEqualTo(9);
    assertThat(problem.column()).isEqualTo(1);
    assertThat(problem.message()).doesNotContain("[ERR").startsWith("unexpected `then`")
        .contains("probably not closed");
  }

  @Test
  void misspeltThen_reportedAtTheTypoWithTheKeywordMeant() {
    RuleProblem problem = onlyError(Fixtures.minimalWith("typo.drl", Fixtures.drl("""
        rule "T-HS: misspelt keyword"
        when
            Candidate( hasHighSchoolCredential )
        thenn ((
            insertLogical( new NoteFinding( "T-HS", "a" ) );
            insertLogical( new NoteFinding( "T-HS", "b" ) );
        end
        """)));

    assertThat(problem.toString()).isEqualTo("typo.drl:9:1: error: `thenn` is not a rule keyword: did you mean `then`?");
  }

  @Test
  void unknownField_namesTheFieldTheTypeAndItsColumn() {
    RuleProblem problem = onlyError(Fixtures.minimalWith("typo.drl", Fixtures.drl("""
        rule "T-HS: misspelt field"
        when
            CeuActivity( ceuEarned > 3 )
        then
        end
        """)));

    assertThat(problem.toString()).startsWith(
        "typo.drl:8:18: error: unknown field `ceuEarned` on `CeuActivity` in `ceuEarned > 3` — did you mean `hours`?"
            + " `CeuActivity` has: date, hours, provider, hiimDomain, ethics");
  }

  @Test
  void typeUsedWithoutItsImport_locatedAndTheImportGiven() {
    RuleProblem problem = onlyError(Fixtures.minimalWith("noimport.drl", """
        package fixture;
        import org.credpath.model.profile.Experience;

        rule "T-HS: coders"
        when
            Experience( kinds contains ExperienceKind.CODING )
        then
        end
        """));

    assertThat(problem.toString()).isEqualTo("noimport.drl:6:32: error: `ExperienceKind` in `kinds contains ExperienceKind.CODING`"
        + " is not imported in this file; add `import org.credpath.model.profile.ExperienceKind;` at the top");
  }

  @Test
  void errorAfterThen_isAnErrorInThatFile() {
    RuleProblem problem = onlyError(Fixtures.minimalWith("then.drl", Fixtures.drl("""
        rule "T-HS: bad consequence"
        when
            Candidate()
        then
            String text = 5;
        end
        """)));

    assertThat(problem.file()).isEqualTo("then.drl");
    assertThat(problem.line()).isPositive();
    assertThat(problem.message()).contains("cannot convert from int to String");
  }

  @Test
  void undefinedMethodAfterThen_reportedAtItsOwnLineNotTheRulesFirstLine() {
    RuleProblem problem = onlyError(Fixtures.minimalWith("then2.drl", Fixtures.drl("""
        rule "T-HS: calls a method that does not exist"
        when
            $c : Candidate()
        then
            String name = $c.id();
            insertLogical( new NoteFinding( "T-HS", $c.nickname() ) );
        end
        """)));

    assertThat(problem.file()).isEqualTo("then2.drl");
    assertThat(problem.line()).isEqualTo(11);
    assertThat(problem.column()).isEqualTo(48);
    assertThat(problem.message()).contains("nickname");
  }

  @Test
  void numberComparedWithText_refusedWhenCompiledNamingTheRule() {
    RuleProblem problem = onlyError(Fixtures.minimalWith("runtime.drl", Fixtures.drl("""
        rule "T-HS: compares hours with text"
        when
            CeuActivity( hours == "abc" )
        then
        end
        """)));

    assertThat(problem.file()).isEqualTo("runtime.drl");
    assertThat(problem.line()).as("the line of the offending expression").isEqualTo(8);
    assertThat(problem.column()).as("at the text").isEqualTo(28);
    assertThat(problem.message()).contains("T-HS: compares hours with text").contains("is text");
  }

  @Test
  void ruleNameWithoutPolicyId_refusedBeforeCompiling() {
    RuleProblem problem = onlyError(Fixtures.minimalWith("name.drl", Fixtures.drl("""
        rule "make everyone eligible"
        when Candidate()
        then
        end
        """)));

    assertThat(problem.toString()).startsWith("name.drl:6:1: error: rule name \"make everyone eligible\" must start with its policy id");
  }

  @Test
  void policyIdMissingFromCatalogue_refused() {
    RuleProblem problem = onlyError(Fixtures.minimalWith("id.drl", Fixtures.drl("""
        rule "T-NEW: not in the catalogue"
        when Candidate()
        then
        end
        """)));

    assertThat(problem.message()).contains("T-NEW").contains("policies.txt does not list");
  }

  @Test
  void catalogueLineWithBadConfidence_reportedAtItsLine() {
    Map<String, String> files = Fixtures.minimalFiles();
    files.put("policies.txt", files.get("policies.txt") + "T-EXTRA | X | test | bad confidence\n");

    RuleProblem problem = onlyError(RuleSource.of("fixture", files));

    assertThat(problem.file()).isEqualTo("policies.txt");
    assertThat(problem.line()).isEqualTo(4);
    assertThat(problem.message()).contains("confidence must be H, M or I");
  }

  @Test
  void missingCatalogue_refusedWithAPlainReason() {
    Map<String, String> files = Fixtures.minimalFiles();
    files.remove("policies.txt");

    assertThatThrownBy(() -> CredpathEngine.load(RuleSource.of("fixture", files)))
        .isInstanceOf(RulesException.class)
        .hasMessageContaining("policies.txt:0:0: error: is missing");
  }

  @Test
  void notADirectory_refused() {
    assertThatThrownBy(() -> RuleSource.directory(java.nio.file.Path.of("/no/such/rules")))
        .isInstanceOf(RulesException.class)
        .hasMessageContaining("is not a directory");
  }
}

class FieldHintsTest {
  @Test
  void closeMisspelling_suggestsTheField() {
    assertThat(FieldHints.hint("Education", "cahiimAcredited")).startsWith(" — did you mean `cahiimAccredited`?");
    assertThat(FieldHints.hint("HeldCredential", "earned")).startsWith(" — did you mean `earnedOn`?");
  }

  @Test
  void unrelatedName_listsTheFieldsWithoutGuessing() {
    assertThat(FieldHints.hint("Candidate", "zodiac")).startsWith(" `Candidate` has: id, state, highSchool");
  }
}
