package org.credpath.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.credpath.engine.CredpathEngine;
import org.credpath.model.error.CredpathException;
import org.credpath.model.result.CredentialResult;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.NextStep;
import org.credpath.model.result.Note;

/**
 * Evaluates a scenario and compares the result with its {@code expect} object, which may hold:
 *
 * <ul>
 *   <li>{@code credentials}: code → status, or code → { status, statusSince, statusUntil,
 *       confidence, ruleIds: [all, sorted], cycleStart, cycleEnd, required, earned, missing:
 *       [substrings, in order] }; only the codes listed are checked;
 *   <li>{@code nextSteps}: the whole plan in order, each { code, credential, dueBy, priority,
 *       ruleId, messageContains } (fields left out are not checked);
 *   <li>{@code notes}: the rule ids of all notes, in order;
 *   <li>{@code notesContain}: substrings each of which some note's message contains;
 *   <li>{@code salary}: { state, median, p10, p90, note } (fields left out are not checked).
 * </ul>
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  public static ScenarioOutcome run(CredpathEngine engine, Scenario scenario) {
    CredpathEngine.Explanation explanation;
    try {
      explanation = engine.explain(scenario.profile(), scenario.asOf());
    } catch (CredpathException e) {
      return new ScenarioOutcome(scenario, List.of("evaluation failed: " + e.getMessage()), null, List.of());
    }
    EvaluationResult actual = explanation.result();
    List<String> differences = new ArrayList<>();
    JsonNode expect = scenario.expect();
    expect.path("credentials").fields().forEachRemaining(e -> credential(e, actual, differences));
    if (expect.has("nextSteps")) {
      steps(expect.get("nextSteps"), actual.nextSteps(), differences);
    }
    if (expect.has("notes")) {
      List<String> expected = new ArrayList<>();
      expect.get("notes").forEach(n -> expected.add(n.asText()));
      List<String> got = actual.notes().stream().map(Note::ruleId).toList();
      if (!expected.equals(got)) {
        differences.add("notes: expected " + expected + ", got " + got);
      }
    }
    if (expect.has("notesContain")) {
      expect.get("notesContain").forEach(part -> {
        if (actual.notes().stream().noneMatch(n -> n.message().contains(part.asText()))) {
          differences.add("notes: expected one containing \"" + part.asText() + "\", got "
              + actual.notes().stream().map(Note::message).toList());
        }
      });
    }
    if (expect.has("salary")) {
      Map<String, Object> salary = actual.salary() == null ? Map.of() : Map.of(
          "state", Objects.toString(actual.salary().state()), "median", actual.salary().median(),
          "p10", actual.salary().p10(), "p90", actual.salary().p90(), "note", Objects.toString(actual.salary().note()));
      expect.get("salary").fields().forEachRemaining(e -> {
        Object got = salary.get(e.getKey());
        String want = e.getValue().isNull() ? "null" : e.getValue().asText();
        if (got == null || !String.valueOf(got).contains(want)) {
          differences.add("salary." + e.getKey() + ": expected " + want + ", got " + got);
        }
      });
    }
    return new ScenarioOutcome(scenario, differences, actual, explanation.firedRules());
  }

  private static void credential(Map.Entry<String, JsonNode> expected, EvaluationResult actual, List<String> out) {
    String code = expected.getKey();
    CredentialResult got = actual.credential(code);
    if (got == null) {
      out.add(code + ": expected a verdict, but the result has none");
      return;
    }
    JsonNode want = expected.getValue();
    if (want.isTextual()) {
      want = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("status", want.asText());
    }
    check(out, code + " status", want.get("status"), got.status().name());
    check(out, code + " statusSince", want.get("statusSince"), Objects.toString(got.statusSince()));
    check(out, code + " statusUntil", want.get("statusUntil"), Objects.toString(got.statusUntil()));
    check(out, code + " confidence", want.get("confidence"), got.confidence().name());
    if (want.has("ruleIds")) {
      List<String> ids = new ArrayList<>();
      want.get("ruleIds").forEach(id -> ids.add(id.asText()));
      if (!ids.equals(got.ruleIds())) {
        out.add(code + " ruleIds: expected " + ids + ", got " + got.ruleIds());
      }
    }
    if (got.cycle() != null) {
      check(out, code + " cycle start", want.get("cycleStart"), got.cycle().start().toString());
      check(out, code + " cycle end", want.get("cycleEnd"), got.cycle().end().toString());
      check(out, code + " cycle required", want.get("required"), number(got.cycle().required()));
      check(out, code + " cycle earned", want.get("earned"), number(got.cycle().earned()));
    } else if (want.has("cycleStart") || want.has("cycleEnd") || want.has("required") || want.has("earned")) {
      out.add(code + ": expected a cycle, but the result has none");
    }
    if (want.has("missing")) {
      List<String> missing = got.missing();
      Iterator<JsonNode> parts = want.get("missing").elements();
      int i = 0;
      while (parts.hasNext()) {
        String part = parts.next().asText();
        if (i >= missing.size() || !missing.get(i).contains(part)) {
          out.add(code + " missing[" + i + "]: expected text containing \"" + part + "\", got "
              + (i < missing.size() ? "\"" + missing.get(i) + "\"" : "nothing"));
        }
        i++;
      }
      if (missing.size() != i) {
        out.add(code + " missing: expected " + i + " requirement(s), got " + missing.size() + ": " + missing);
      }
    }
  }

  private static void steps(JsonNode expected, List<NextStep> got, List<String> out) {
    List<String> gotCodes = got.stream().map(s -> s.code() + (s.credential() == null ? "" : ":" + s.credential())).toList();
    if (expected.size() != got.size()) {
      out.add("nextSteps: expected " + expected.size() + " step(s), got " + got.size() + " " + gotCodes);
    }
    for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
      JsonNode want = expected.get(i);
      NextStep step = got.get(i);
      String where = "nextSteps[" + i + "]";
      check(out, where + ".code", want.get("code"), step.code());
      check(out, where + ".credential", want.get("credential"), Objects.toString(step.credential()));
      check(out, where + ".dueBy", want.get("dueBy"), Objects.toString(step.dueBy()));
      check(out, where + ".priority", want.get("priority"), String.valueOf(step.priority()));
      check(out, where + ".ruleId", want.get("ruleId"), step.ruleId());
      if (want.has("messageContains") && !step.message().contains(want.get("messageContains").asText())) {
        out.add(where + ".message: expected it to contain \"" + want.get("messageContains").asText()
            + "\", got \"" + step.message() + "\"");
      }
    }
  }

  private static void check(List<String> out, String what, JsonNode want, String got) {
    if (want == null) {
      return;
    }
    String expected = want.isNull() ? "null" : want.isNumber() ? number(want.asDouble()) : want.asText();
    if (!expected.equals(got)) {
      out.add(what + ": expected " + expected + ", got " + got);
    }
  }

  private static String number(double value) {
    return org.credpath.model.fact.Hours.format(value);
  }
}
