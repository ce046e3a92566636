package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credpath.model.error.InvalidProfileException;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CertifyingBody;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.FieldProblem;
import org.credpath.model.profile.HeldCredential;
import org.credpath.model.profile.HighSchool;
import org.credpath.model.result.CredentialStatus;
import org.credpath.model.result.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The credentials a knowledge base knows are data ({@code credentials.properties}): a credential
 * that is not built in is added without Java, profiles are checked against the list, and the rule
 * files are checked against it like thresholds.
 */
class KnownCredentialsTest {
  private static final String CREDENTIALS = "# test\nCAHIMS = HIMSS\nCHD_X = AHIMA | CHD X\n";
  private static final String CHDX_DRL = Fixtures.drl("""
      rule "T-HS: a diploma opens the made-up CHD-X"
      when
          Candidate( hasHighSchoolCredential )
          not HeldCredential( code == CredentialCode.of( "CHD_X" ) )
      then
          insertLogical( CredentialFinding.of( CredentialCode.of( "CHD_X" ), CredentialStatus.ELIGIBLE, "T-HS" ) );
          insertLogical( new StepFinding( "SCHEDULE_EXAM", CredentialCode.of( "CHD_X" ), StepTier.EXAM, null, "T-HS",
              Message.of( "step" ).with( "credential", CredentialCode.of( "CHD_X" ) ) ) );
      end

      rule "T-HS: a held CHD-X is an AHIMA credential"
      when
          HeldCredential( ahima, $code : code == CredentialCode.of( "CHD_X" ) )
      then
          insertLogical( CredentialFinding.of( $code, CredentialStatus.ACTIVE, "T-HS" ) );
      end
      """);

  static CredpathEngine engine;

  @BeforeAll
  static void load() {
    engine = CredpathEngine.load(source(CREDENTIALS, CHDX_DRL));
  }

  private static RuleSource source(String credentials, String drl) {
    Map<String, String> files = Fixtures.minimalFiles();
    files.put("chd-x.drl", drl);
    files.put("messages.properties", "step=Schedule the {credential} exam.\n");
    if (credentials != null) {
      files.put(KnownCredentials.FILE, credentials);
    }
    return RuleSource.of("fixture", files);
  }

  private static List<String> problems(String credentials, String drl) {
    try {
      CredpathEngine.load(source(credentials, drl));
    } catch (RulesException e) {
      return e.problems().stream().map(RuleProblem::toString).toList();
    }
    return List.of();
  }

  private static CandidateProfile holding(String code, List<String> goals) {
    return new CandidateProfile("p", null, HighSchool.DIPLOMA, null, null,
        code == null ? null : List.of(new HeldCredential(CredentialCode.of(code), LocalDate.of(2025, 1, 1), null)),
        null, goals.stream().map(CredentialCode::of).toList(), false);
  }

  @Test
  void aCredentialThatIsNotBuiltIn_isEvaluated_withItsBodyAndLabel() {
    assertThat(engine.credentials()).extracting(CredentialCode::name).containsExactly("CAHIMS", "CHD_X");
    assertThat(engine.credentials().get(1).body()).isEqualTo(CertifyingBody.AHIMA);

    EvaluationResult eligible = engine.evaluate(holding(null, List.of("CHD_X")), Fixtures.AS_OF);
    assertThat(eligible.credential("CHD_X").status()).isEqualTo(CredentialStatus.ELIGIBLE);
    assertThat(eligible.nextSteps()).extracting(s -> s.credential() + ": " + s.message())
        .as("written by the label the knowledge base gives it").contains("CHD_X: Schedule the CHD X exam.");

    // the profile's code, read without a body, reaches the rules resolved: `ahima` holds for it
    EvaluationResult held = engine.evaluate(holding("CHD_X", List.of()), Fixtures.AS_OF);
    assertThat(held.credential("CHD_X").status()).isEqualTo(CredentialStatus.ACTIVE);
  }

  @Test
  void codesTheKnowledgeBaseDoesNotList_areRefused_atTheirPaths_withTheListToChooseFrom() {
    CandidateProfile profile = holding("RHIT", List.of("CHD_X", "CHDX"));
    assertThat(engine.problems(profile, Fixtures.AS_OF)).extracting(FieldProblem::code, FieldProblem::path, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("UNKNOWN_VALUE", "$.credentials[0].code", "is not a known value; use one of: CAHIMS, CHD_X"),
            org.assertj.core.groups.Tuple.tuple("UNKNOWN_VALUE", "$.goals[1]", "is not a known value; use one of: CAHIMS, CHD_X"));
    assertThatThrownBy(() -> engine.evaluate(profile, Fixtures.AS_OF)).isInstanceOf(InvalidProfileException.class);
  }

  @Test
  void withoutTheFile_theSevenBuiltInCredentialsAreKnown() {
    CredpathEngine minimal = CredpathEngine.load(RuleSource.directory(Fixtures.minimalDir()));
    assertThat(minimal.credentials()).isEqualTo(CredentialCode.builtIn());
    assertThat(minimal.problems(holding("CHD_X", List.of()), Fixtures.AS_OF)).extracting(FieldProblem::message)
        .containsExactly("is not a known value; use one of: CAHIMS, CCA, CCS, CCS_P, CPHIMS, RHIA, RHIT");
  }

  @Test
  void mistakes_areLocated() {
    assertThat(problems(CREDENTIALS.replace("CHD_X = AHIMA", "CHD_Y = AHIMA"), CHDX_DRL))
        .contains("chd-x.drl:9:53: error: the credential `CHD_X` is not in credentials.properties; add a line "
            + "`CHD_X = AHIMA | CHD-X` there (its body, AHIMA or HIMSS, and how it is written), or correct the code")
        .contains("credentials.properties:3:1: error: no rule names the credential `CHD_Y` (as CredentialCode.CHD_Y or "
            + "CredentialCode.of( \"CHD_Y\" )): check its spelling, or remove it");
    assertThat(problems(CREDENTIALS.replace("CHD_X = AHIMA", "CHD_X = AHIMAA"), CHDX_DRL))
        .contains("credentials.properties:3:9: error: the body must be AHIMA or HIMSS");
    assertThat(problems(CREDENTIALS.replace("CAHIMS = HIMSS", "CAHIMS = AHIMA"), CHDX_DRL))
        .containsExactly("credentials.properties:2:10: error: CAHIMS is a built-in credential of HIMSS; its body cannot change");
    assertThat(problems(CREDENTIALS + "CHD_X = AHIMA\n", CHDX_DRL))
        .containsExactly("credentials.properties:4:1: error: `CHD_X` is listed twice; the first is on line 3");
    assertThat(problems(CREDENTIALS + "chd-z AHIMA\n", CHDX_DRL))
        .containsExactly("credentials.properties:4:1: error: write `CODE = body | label` (such as `CCS_P = AHIMA | CCS-P`)");
    assertThat(problems(CREDENTIALS + "chd-z = AHIMA\n", CHDX_DRL))
        .containsExactly("credentials.properties:4:1: error: `chd-z` is not a credential code; use capital letters, digits and _ (such as CCS_P)");
    // a commented-out use names nothing
    assertThat(problems(CREDENTIALS, CHDX_DRL.replace("rule \"T-HS: a held", "// CredentialCode.of( \"CHD_Q\" )\nrule \"T-HS: a held")))
        .isEmpty();
  }

  @Test
  void aStatusForACodeBuiltAtRunTime_thatTheFileDoesNotList_isRefusedWhenTheRulesLoad() {
    String built = Fixtures.drl("""
        rule "T-HS: a code the load checks cannot read"
        when
            Candidate( hasHighSchoolCredential, $id : id )
        then
            insertLogical( CredentialFinding.of( CredentialCode.of( "CHD_" + $id.substring( 0, 1 ) ), CredentialStatus.ELIGIBLE, "T-HS" ) );
        end
        """);
    assertThat(problems(CREDENTIALS, CHDX_DRL.replace("package fixture;", "package fixture;\n") + built.substring(built.indexOf("rule "))))
        .singleElement().asString().contains("does not list").contains("CHD_s");
  }

  @Test
  void theFileIsPartOfTheKnowledgeBase_soItsHashChanges() {
    assertThat(source(CREDENTIALS, CHDX_DRL).sha256()).isNotEqualTo(source(CREDENTIALS + "# note\n", CHDX_DRL).sha256());
    assertThat(RuleSource.isKnowledgeBaseFile(KnownCredentials.FILE)).isTrue();
  }
}
