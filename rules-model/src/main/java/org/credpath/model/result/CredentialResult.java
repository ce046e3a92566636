package org.credpath.model.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one credential.
 *
 * @param confidence the weakest confidence among {@code ruleIds}
 * @param ruleIds the policy ids behind the verdict, sorted
 * @param missing for {@code NOT_ELIGIBLE}, every requirement still missing, as sentences
 * @param statusSince first day of the status, where the rules know it (for example the first day
 *     of inactivity)
 * @param statusUntil last day of the status, where the rules know it (cycle end, end of the
 *     inactive period, expiry)
 * @param cycle the cycle behind a held credential's status; null otherwise
 */
public record CredentialResult(
    String code,
    CredentialStatus status,
    Confidence confidence,
    List<String> ruleIds,
    List<String> missing,
    LocalDate statusSince,
    LocalDate statusUntil,
    CycleSummary cycle) {
  public CredentialResult {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(confidence, "confidence");
    ruleIds = List.copyOf(ruleIds);
    missing = List.copyOf(missing);
  }
}
