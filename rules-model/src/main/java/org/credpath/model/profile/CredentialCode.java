package org.credpath.model.profile;

/** A credential the knowledge base reasons about, with the body that awards it. */
public enum CredentialCode {
  CAHIMS(CertifyingBody.HIMSS),
  CCA(CertifyingBody.AHIMA),
  CCS(CertifyingBody.AHIMA),
  CCS_P(CertifyingBody.AHIMA),
  CPHIMS(CertifyingBody.HIMSS),
  RHIA(CertifyingBody.AHIMA),
  RHIT(CertifyingBody.AHIMA);

  private final CertifyingBody body;

  CredentialCode(CertifyingBody body) {
    this.body = body;
  }

  /** The awarding body, which decides the renewal cycle the credential follows. */
  public CertifyingBody body() {
    return body;
  }

  /** The credential as people write it: {@code CCS-P}, not the constant's {@code CCS_P}. */
  public String label() {
    return name().replace('_', '-');
  }

  /** True for credentials that share AHIMA's two-year recertification cycle. */
  public boolean ahima() {
    return body == CertifyingBody.AHIMA;
  }
}
