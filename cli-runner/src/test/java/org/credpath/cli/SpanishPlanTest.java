package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.credpath.json.Json;
import org.junit.jupiter.api.Test;

/** {@code evaluate --lang es}: the whole plan in Spanish; codes, statuses and dates unchanged. */
class SpanishPlanTest {
  private static final String AS_OF = "2026-03-01";

  @Test
  void textPlan_isSpanishThroughout() throws IOException {
    CliRun run = CliRun.run("evaluate", "--as-of", AS_OF, "--lang", "es", "--format", "text", CliRun.EXAMPLES.toString());
    assertThat(run.exitCode()).as("examples/profiles.json holds two invalid records").isEqualTo(ExitCode.DATA_ERROR);
    assertThat(run.out()).contains("Credenciales", "Plan", "Conviene saber", "a fecha de " + AS_OF)
        .doesNotContain("Credentials", "Good to know", " as of ", "missing:", "confidence ");
    // Every English sentence of the knowledge base is absent: no message fell back to English.
    Properties english = new Properties();
    english.load(new java.io.StringReader(
        org.credpath.kb.BuiltInKnowledgeBase.source().files().get("messages.properties")));
    for (String key : english.stringPropertyNames()) {
      String value = english.getProperty(key);
      if (!value.contains("{") && value.length() > 40) {
        assertThat(run.out()).as(key).doesNotContain(value);
      }
    }
    assertThat(run.out()).contains("Hágase miembro de AHIMA", "Inscríbase")
        .as("Spanish digit grouping: 70,550 would read as seventy and a half").contains("mediana 70.550 dólares");
  }

  @Test
  void json_keepsItsCodes_andOnlyTheSentencesChange() throws IOException {
    CliRun en = CliRun.run("evaluate", "--as-of", AS_OF, CliRun.EXAMPLES.toString());
    CliRun es = CliRun.run("evaluate", "--as-of", AS_OF, "--lang", "es", CliRun.EXAMPLES.toString());
    assertThat(es.exitCode()).isEqualTo(en.exitCode());
    assertThat(codes(Json.readTree(es.out()))).isEqualTo(codes(Json.readTree(en.out())));
    assertThat(es.out()).isNotEqualTo(en.out());
  }

  @Test
  void unknownLanguage_isAUsageError_namingTheLanguagesThereAre() {
    CliRun run = CliRun.run("evaluate", "--as-of", AS_OF, "--lang", "xx", CliRun.EXAMPLES.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--lang xx", "en, es");
  }

  /** Everything but the sentences: fields named message and the missing lists are left out. */
  private static List<String> codes(JsonNode node) {
    List<String> out = new ArrayList<>();
    walk(node, "", out);
    return out;
  }

  private static void walk(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        if (!f.getKey().equals("message") && !f.getKey().equals("missing") && !f.getKey().equals("note")) {
          walk(f.getValue(), path + "/" + f.getKey(), out);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, out);
      }
    } else {
      out.add(path + "=" + node.asText());
    }
  }
}
