package org.credpath.model.fact;

import java.time.LocalDate;
import java.util.List;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.result.CredentialStatus;
import org.credpath.model.result.CycleSummary;

/**
 * A rule's verdict on one credential. When rules reach several verdicts on the same credential,
 * the engine keeps the one whose status comes first in {@link CredentialStatus} order and merges
 * the rule ids, so the result never depends on firing order.
 */
public record CredentialFinding(
    CredentialCode credential,
    CredentialStatus status,
    List<String> ruleIds,
    LocalDate since,
    LocalDate until,
    CycleSummary cycle) {

  public CredentialFinding {
    ruleIds = List.copyOf(ruleIds);
  }

  /** A verdict on a credential the candidate does not hold. */
  public static CredentialFinding of(CredentialCode credential, CredentialStatus status, String... ruleIds) {
    return new CredentialFinding(credential, status, List.of(ruleIds), null, null, null);
  }

  /** A verdict on a held credential, with the dates the status runs between and its cycle. */
  public static CredentialFinding held(
      CredentialCode credential, CredentialStatus status, LocalDate since, LocalDate until,
      CycleSummary cycle, String... ruleIds) {
    return new CredentialFinding(credential, status, List.of(ruleIds), since, until, cycle);
  }
}
