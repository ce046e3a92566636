package org.credpath.model.fact;

import java.time.LocalDate;
import org.credpath.model.profile.CredentialCode;

/**
 * A step a rule recommends. The engine adds the confidence of {@code ruleId} from the policy
 * catalogue, so a rule file cannot claim more certainty than the policy gives, and renders
 * {@code message} in the language asked for.
 *
 * @param credential the credential the step serves, or null for a general step
 */
public record StepFinding(
    String code, CredentialCode credential, StepTier tier, LocalDate dueBy, String ruleId, Message message) {
  /** A step whose text is given as is, for ad-hoc rule sets (see {@link Message#literal}). */
  public StepFinding(String code, CredentialCode credential, StepTier tier, LocalDate dueBy, String ruleId, String text) {
    this(code, credential, tier, dueBy, ruleId, Message.literal(text));
  }
}
