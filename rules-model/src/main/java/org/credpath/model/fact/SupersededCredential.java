package org.credpath.model.fact;

import java.time.LocalDate;
import org.credpath.model.profile.CredentialCode;

/**
 * A held credential replaced by a higher one the candidate also holds (RHIA-SUPERSEDES, CCA-ELIG):
 * it no longer adds CEUs to the shared AHIMA cycle.
 *
 * @param since the date the superseding credential was earned
 */
public record SupersededCredential(CredentialCode credential, CredentialCode by, LocalDate since, String policyId) {}
