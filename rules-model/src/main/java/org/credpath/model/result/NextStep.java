package org.credpath.model.result;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One action in the candidate's plan.
 *
 * @param code a next-step code of the contract, such as {@code EARN_CEUS}
 * @param credential the credential the step serves, or null for a general step
 * @param priority 1 for prerequisites, 2 for exams and applications, 3 for renewals
 * @param dueBy the last day to act, where a date exists
 * @param message what to do, with the numbers that matter
 */
public record NextStep(
    String code,
    String credential,
    int priority,
    LocalDate dueBy,
    String ruleId,
    Confidence confidence,
    String message) {
  public NextStep {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(message, "message");
  }
}
