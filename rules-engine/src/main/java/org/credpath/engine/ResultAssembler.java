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
import org.credpath.model.fact.MissingRequirement;
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

  /**
   * One result per credential, in code order: the finding of the first status in
   * {@link CredentialStatus} order (ties: the smaller joined rule ids, then the first found) with
   * the rule ids of every finding of that status, and for NOT_ELIGIBLE the missing requirements.
   * Written as plain loops over the few findings of a profile: the stream and comparator version
   * allocated a sorted map, a sort, and a joined string per comparison.
   */
  private List<CredentialResult> credentials(
      String candidateId, Session.Findings findings, Function<Message, String> words) {
    Map<String, List<CredentialFinding>> byCode = new TreeMap<>();
    for (CredentialFinding f : findings.credentials()) {
      if (!known.codes().contains(f.credential())) {
        // a code built at run time (not a literal the load checks could see), like an uncatalogued policy id
        throw new EvaluationException(candidateId, null, "a rule gave a status to the credential " + f.credential()
            + ", which " + KnownCredentials.FILE + " does not list", null);
      }
      byCode.computeIfAbsent(f.credential().name(), c -> new ArrayList<>(2)).add(f);
    }
    List<CredentialResult> results = new ArrayList<>(byCode.size());
    byCode.forEach((name, list) -> {
      CredentialFinding chosen = chosen(list);
      TreeSet<String> ruleIds = new TreeSet<>();
      for (CredentialFinding f : list) {
        if (f.status() == chosen.status()) {
          ruleIds.addAll(f.ruleIds());
        }
      }
      List<String> missing = new ArrayList<>();
      if (chosen.status() == CredentialStatus.NOT_ELIGIBLE) {
        List<Map.Entry<String, String>> lacking = new ArrayList<>();
        for (MissingRequirement m : findings.missing()) {
          if (m.credential().equals(chosen.credential())) {
            lacking.add(Map.entry(m.ruleId(), words.apply(m.text())));
          }
        }
        lacking.sort(MISSING_ORDER);
        for (Map.Entry<String, String> m : lacking) {
          ruleIds.add(m.getKey());
          if (!missing.contains(m.getValue())) {
            missing.add(m.getValue());
          }
        }
      }
      results.add(new CredentialResult(name, chosen.status(), weakest(candidateId, ruleIds),
          List.copyOf(ruleIds), missing, chosen.since(), chosen.until(), chosen.cycle()));
    });
    return results;
  }

  private static final Comparator<Map.Entry<String, String>> MISSING_ORDER =
      Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

  /** The first of {@code list} in (status, joined rule ids) order; the earliest of equals, as a stable sort gives. */
  private static CredentialFinding chosen(List<CredentialFinding> list) {
    CredentialFinding chosen = list.get(0);
    String chosenKey = null;
    for (int i = 1; i < list.size(); i++) {
      CredentialFinding f = list.get(i);
      int byStatus = f.status().compareTo(chosen.status());
      if (byStatus > 0) {
        continue;
      }
      if (byStatus == 0) {
        chosenKey = chosenKey != null ? chosenKey : String.join(",", chosen.ruleIds());
        String key = String.join(",", f.ruleIds());
        if (key.compareTo(chosenKey) >= 0) {
          continue;
        }
        chosenKey = key;
      } else {
        chosenKey = null;
      }
      chosen = f;
    }
    return chosen;
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

  /** Sorted by rule id and sentence, each note once (sorting first puts equal notes side by side). */
  private List<Note> notes(String candidateId, Session.Findings findings, Function<Message, String> words) {
    List<Note> notes = new ArrayList<>(findings.notes().size());
    for (var n : findings.notes()) {
      notes.add(new Note(n.ruleId(), confidence(candidateId, n.ruleId()), words.apply(n.message())));
    }
    notes.sort(Comparator.comparing(Note::ruleId).thenComparing(Note::message));
    List<Note> distinct = new ArrayList<>(notes.size());
    for (Note note : notes) {
      if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(note)) {
        distinct.add(note);
      }
    }
    return List.copyOf(distinct);
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
