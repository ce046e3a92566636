package org.credpath.model.fact;

import java.time.LocalDate;
import org.credpath.model.profile.CredentialCode;

/**
 * A step a rule recommends. The engine adds the confidence of {@code ruleId} from the policy
 * catalogue, so a rule file cannot claim more certainty than the policy gives.
 *
 * @param credential the credential the step serves, or null for a general step
 */
public record StepFinding(
    String code, CredentialCode credential, StepTier tier, LocalDate dueBy, String ruleId, String message) {}
