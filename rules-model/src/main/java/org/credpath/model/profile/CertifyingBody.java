package org.credpath.model.profile;

/** The organisation that awards and renews a credential. */
public enum CertifyingBody {
  AHIMA,
  HIMSS
}
