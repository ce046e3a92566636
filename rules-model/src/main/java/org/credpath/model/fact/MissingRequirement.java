package org.credpath.model.fact;

import org.credpath.model.profile.CredentialCode;

/** One requirement a candidate lacks for a credential, as a sentence the candidate understands. */
public record MissingRequirement(CredentialCode credential, String ruleId, String text) {}
