package org.credpath.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.ProfileValidator;
import org.junit.jupiter.api.Test;

/** Every problem of a record is reported at once, the first as the error and the rest in {@code more}. */
class ProfileDecoderProblemsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  private static List<String> problems(String json) throws IOException {
    ProfileDecoder.Decoded decoded = ProfileDecoder.decode(Json.readTree(json));
    assertThat(decoded.ok()).isFalse();
    // what the engine adds: CredpathEngine.problems runs this same check against its own credentials
    RecordError error = decoded.error(p -> ProfileValidator.problems(p, AS_OF, CredentialCode.builtIn()));
    List<String> all = new ArrayList<>();
    all.add(error.code() + " " + error.path());
    error.more().forEach(more -> all.add(more.code() + " " + more.path()));
    return all;
  }

  @Test
  void typesValuesAndRequiredFields_allReported_inTheOrderTheyAreRead() throws IOException {
    assertThat(problems("{\"id\":\"h\",\"highSchool\":\"MAYBE\",\"education\":[{\"level\":\"X\",\"field\":\"Y\",\"status\":\"Z\"}],"
        + "\"credentials\":[{\"code\":\"RHIT\"}],\"experience\":[{\"months\":\"x\"}],\"state\":\"ZZ\"}"))
        .containsExactly("UNKNOWN_VALUE $.highSchool", "UNKNOWN_VALUE $.education[0].level", "UNKNOWN_VALUE $.education[0].field",
            "UNKNOWN_VALUE $.education[0].status", "INVALID_FIELD $.credentials[0].earnedOn", "WRONG_TYPE $.experience[0].months",
            "INVALID_FIELD $.state");
  }

  @Test
  void unknownFieldsFirst_withSuggestions_thenWhatTheyLeftMissing() throws IOException {
    ProfileDecoder.Decoded decoded = ProfileDecoder.decode(Json.readTree(
        "{\"ID\":\"a\",\"highschool\":\"GED\",\"credentials\":[{\"code\":\"RHIT\",\"earndOn\":\"2020-01-01\"}],\"zzz\":1}"));

    assertThat(decoded.error().message()).startsWith("unknown field `ID` — did you mean `id`?");
    assertThat(decoded.error().more()).extracting(m -> m.code() + " " + m.path() + ": " + m.message().split("[?;]")[0])
        .containsExactly(
            "UNKNOWN_FIELD $.highschool: unknown field `highschool` — did you mean `highSchool`",
            "UNKNOWN_FIELD $.zzz: unknown field `zzz`",
            "UNKNOWN_FIELD $.credentials[0].earndOn: unknown field `earndOn` — did you mean `earnedOn`",
            "INVALID_FIELD $.credentials[0].earnedOn: is required",
            "INVALID_FIELD $.id: is required",
            "INVALID_FIELD $.highSchool: is required");
  }

  @Test
  void dateChecks_joinTheOthers_whenNothingHadToBeStoodIn() throws IOException {
    assertThat(problems("{\"id\":\"d\",\"highSchool\":\"GED\",\"state\":7,\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"2020-01-01\"},"
        + "{\"code\":\"RHIT\",\"earnedOn\":\"2099-01-01\"}]}"))
        .containsExactly("INVALID_FIELD $.state", "INVALID_FIELD $.credentials[1].code", "INVALID_DATE $.credentials[1].earnedOn");
  }

  @Test
  void unknownCredentialCodes_areTheEnginesToJudge_andJoinTheOthers() throws IOException {
    // decoding reads any code: which codes exist is data of the knowledge base
    ProfileDecoder.Decoded decoded = ProfileDecoder.decode(Json.readTree(
        "{\"id\":\"c\",\"highSchool\":\"GED\",\"credentials\":[{\"code\":\"CHD_X\",\"earnedOn\":\"2020-01-01\"}],"
            + "\"goals\":[\"RHIT\",\"RHTI\"]}"));
    assertThat(decoded.ok()).isTrue();
    assertThat(decoded.profile().credentials().get(0).code().name()).isEqualTo("CHD_X");
    assertThat(problems("{\"id\":\"c\",\"highSchool\":\"GED\",\"state\":7,\"credentials\":[{\"code\":\"CHD_X\",\"earnedOn\":\"2020-01-01\"}],"
        + "\"goals\":[\"RHIT\",\"RHTI\"]}"))
        .containsExactly("INVALID_FIELD $.state", "UNKNOWN_VALUE $.credentials[0].code", "UNKNOWN_VALUE $.goals[1]");
    // an empty code and a number are codes nobody has, refused the same way; true is not text at all
    assertThat(problems("{\"id\":\"c\",\"highSchool\":\"GED\",\"state\":7,\"goals\":[\"\",5]}"))
        .containsExactly("INVALID_FIELD $.state", "UNKNOWN_VALUE $.goals[0]", "UNKNOWN_VALUE $.goals[1]");
    assertThat(problems("{\"id\":\"c\",\"highSchool\":\"GED\",\"goals\":[true]}")).containsExactly("WRONG_TYPE $.goals[0]");
  }

  @Test
  void decodingNeedsNoDate_andJudgesNone() throws IOException {
    // a date after any asOf is the engine's to refuse (CredpathEngine.problems / evaluate), once
    assertThat(ProfileDecoder.decode(Json.readTree(
        "{\"id\":\"f\",\"highSchool\":\"GED\",\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"2099-01-01\"}]}")).ok())
        .isTrue();
  }

  @Test
  void aValidProfile_hasNoProblems() throws IOException {
    assertThat(ProfileDecoder.decode(Json.readTree("{\"id\":\"ok\",\"highSchool\":\"GED\"}")).ok()).isTrue();
  }
}
