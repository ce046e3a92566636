package org.credpath.model.fact;

import org.credpath.model.profile.CredentialCode;

/** One requirement a candidate lacks for a credential; the engine renders {@code text} as a sentence. */
public record MissingRequirement(CredentialCode credential, String ruleId, Message text) {
  /** A requirement whose text is given as is, for ad-hoc rule sets (see {@link Message#literal}). */
  public MissingRequirement(CredentialCode credential, String ruleId, String text) {
    this(credential, ruleId, Message.literal(text));
  }
}
