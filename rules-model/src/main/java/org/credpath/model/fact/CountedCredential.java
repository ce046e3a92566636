package org.credpath.model.fact;

import org.credpath.model.profile.CredentialCode;

/** A held AHIMA credential that is not superseded: it has a renewal status and adds to the shared cycle. */
public record CountedCredential(CredentialCode credential) {}
