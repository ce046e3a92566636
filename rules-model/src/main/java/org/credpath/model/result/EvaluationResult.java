package org.credpath.model.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the knowledge base concluded about one candidate on one date.
 *
 * @param credentials one entry per credential the knowledge base knows, sorted by code
 * @param nextSteps the plan, sorted by priority then code
 * @param notes context sorted by rule id
 * @param salary labour-market figures, or null when the knowledge base ships none
 */
public record EvaluationResult(
    String candidateId,
    LocalDate asOf,
    KnowledgeBaseInfo knowledgeBase,
    List<CredentialResult> credentials,
    List<NextStep> nextSteps,
    List<Note> notes,
    SalaryFigures salary) {
  public EvaluationResult {
    Objects.requireNonNull(candidateId, "candidateId");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    credentials = List.copyOf(credentials);
    nextSteps = List.copyOf(nextSteps);
    notes = List.copyOf(notes);
  }

  /** The verdict on one credential, or null when the knowledge base does not know it. */
  public CredentialResult credential(String code) {
    return credentials.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
  }
}
