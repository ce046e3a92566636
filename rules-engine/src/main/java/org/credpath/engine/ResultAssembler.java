package org.credpath.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.fact.CredentialFinding;
import org.credpath.model.fact.Message;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.result.Confidence;
import org.credpath.model.result.CredentialResult;
import org.credpath.model.result.CredentialStatus;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.KnowledgeBaseInfo;
import org.credpath.model.result.NextStep;
import org.credpath.model.result.Note;
import org.credpath.model.result.SalaryFigures;

/**
 * Turns the findings left in working memory into a sorted result. Everything is sorted here, so
 * the output never depends on the order in which rules fired.
 */
final class ResultAssembler {
  private static final Comparator<CredentialFinding> FINDING_ORDER =
      Comparator.comparing(CredentialFinding::status).thenComparing(f -> String.join(",", f.ruleIds()));

  private final PolicyCatalogue catalogue;
  private final KnowledgeBaseInfo info;
  private final MessageBundles messages;
  private final KnownCredentials known;

  ResultAssembler(PolicyCatalogue catalogue, KnowledgeBaseInfo info, MessageBundles messages, KnownCredentials known) {
    this.catalogue = catalogue;
    this.info = info;
    this.messages = messages;
    this.known = known;
  }

  EvaluationResult assemble(
      String candidateId, LocalDate asOf, Session.Findings findings, SalaryFigures salary, Locale locale) {
    Function<Message, String> words = m -> render(candidateId, m, locale);
    return new EvaluationResult(
        candidateId, asOf, info, credentials(candidateId, findings, words), steps(candidateId, findings, words),
        notes(candidateId, findings, words), salary);
  }

  /** The one place findings (and the salary table's note) become sentences. */
  String render(String candidateId, Message message, Locale locale) {
    try {
      return messages.render(message, locale);
    } catch (IllegalArgumentException e) {
      throw new EvaluationException(candidateId, null, e.getMessage(), null);
    }
  }

  private List<CredentialResult> credentials(
      String candidateId, Session.Findings findings, Function<Message, String> words) {
    Map<CredentialCode, List<CredentialFinding>> byCode = new TreeMap<>(Comparator.comparing(CredentialCode::name));
    for (CredentialFinding f : findings.credentials()) {
      if (!known.codes().contains(f.credential())) {
        // a code built at run time (not a literal the load checks could see), like an uncatalogued policy id
        throw new EvaluationException(candidateId, null, "a rule gave a status to the credential " + f.credential()
            + ", which " + KnownCredentials.FILE + " does not list", null);
      }
      byCode.computeIfAbsent(f.credential(), c -> new ArrayList<>()).add(f);
    }
    List<CredentialResult> results = new ArrayList<>();
    byCode.forEach((code, list) -> {
      list.sort(FINDING_ORDER);
      CredentialFinding chosen = list.get(0);
      TreeSet<String> ruleIds = new TreeSet<>();
      list.stream().filter(f -> f.status() == chosen.status()).forEach(f -> ruleIds.addAll(f.ruleIds()));
      List<String> missing = new ArrayList<>();
      if (chosen.status() == CredentialStatus.NOT_ELIGIBLE) {
        findings.missing().stream()
            .filter(m -> code.equals(m.credential()))
            .map(m -> Map.entry(m.ruleId(), words.apply(m.text())))
            .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
            .forEach(m -> {
              ruleIds.add(m.getKey());
              if (!missing.contains(m.getValue())) {
                missing.add(m.getValue());
              }
            });
      }
      results.add(new CredentialResult(code.name(), chosen.status(), weakest(candidateId, ruleIds),
          List.copyOf(ruleIds), missing, chosen.since(), chosen.until(), chosen.cycle()));
    });
    return results;
  }

  private List<NextStep> steps(String candidateId, Session.Findings findings, Function<Message, String> words) {
    Map<String, NextStep> byKey = new LinkedHashMap<>();
    findings.steps().stream()
        .map(s -> new NextStep(s.code(), s.credential() == null ? null : s.credential().name(), s.tier().priority(),
            s.dueBy(), s.ruleId(), confidence(candidateId, s.ruleId()), words.apply(s.message())))
        .sorted(Comparator.comparingInt(NextStep::priority)
            .thenComparing(NextStep::code)
            .thenComparing(s -> Objects.toString(s.credential(), ""))
            .thenComparing(NextStep::ruleId)
            .thenComparing(NextStep::message))
        // Two rules recommending the same step for the same credential: keep the first in order.
        .forEach(s -> byKey.putIfAbsent(s.code() + "/" + s.credential(), s));
    return List.copyOf(byKey.values());
  }

  private List<Note> notes(String candidateId, Session.Findings findings, Function<Message, String> words) {
    return findings.notes().stream()
        .map(n -> new Note(n.ruleId(), confidence(candidateId, n.ruleId()), words.apply(n.message())))
        .distinct()
        .sorted(Comparator.comparing(Note::ruleId).thenComparing(Note::message))
        .toList();
  }

  private Confidence weakest(String candidateId, Iterable<String> ruleIds) {
    Confidence weakest = Confidence.H;
    for (String id : ruleIds) {
      weakest = weakest.weakest(confidence(candidateId, id));
    }
    return weakest;
  }

  private Confidence confidence(String candidateId, String ruleId) {
    PolicyEntry entry = catalogue.get(ruleId);
    if (entry == null) {
      throw new EvaluationException(candidateId, null,
          "a rule cited policy id " + ruleId + ", which " + RuleSource.CATALOGUE + " does not list", null);
    }
    return entry.confidence();
  }
}
