package org.credpath.model.profile;

import java.util.List;
import java.util.Objects;

/**
 * A credential the knowledge base reasons about: its code (as profiles and results write it), the
 * body that awards it and its label (as people write it).
 *
 * <p>A value, not an enumeration: the set of credentials is data of the knowledge base
 * ({@code credentials.properties}), so a policy editor adds one without a Java change. Two codes
 * are equal when their names are, whatever else they carry. The seven credentials of the built-in
 * knowledge base are constants, so that Java and DRL can name them ({@code CredentialCode.RHIT});
 * a rule names any other as {@code CredentialCode.of( "CHD_X" )}. A code read from a profile, or
 * made by {@link #of(String)} for a name that is not built in, carries no body until the engine
 * resolves it against its knowledge base (it does, for every code of a profile, before the rules
 * see it).
 */
public final class CredentialCode implements Comparable<CredentialCode> {
  public static final CredentialCode CAHIMS = new CredentialCode("CAHIMS", CertifyingBody.HIMSS, "CAHIMS");
  public static final CredentialCode CCA = new CredentialCode("CCA", CertifyingBody.AHIMA, "CCA");
  public static final CredentialCode CCS = new CredentialCode("CCS", CertifyingBody.AHIMA, "CCS");
  public static final CredentialCode CCS_P = new CredentialCode("CCS_P", CertifyingBody.AHIMA, "CCS-P");
  public static final CredentialCode CPHIMS = new CredentialCode("CPHIMS", CertifyingBody.HIMSS, "CPHIMS");
  public static final CredentialCode RHIA = new CredentialCode("RHIA", CertifyingBody.AHIMA, "RHIA");
  public static final CredentialCode RHIT = new CredentialCode("RHIT", CertifyingBody.AHIMA, "RHIT");

  private static final List<CredentialCode> BUILT_IN = List.of(CAHIMS, CCA, CCS, CCS_P, CPHIMS, RHIA, RHIT);

  private final String name;
  private final CertifyingBody body;
  private final String label;

  private CredentialCode(String name, CertifyingBody body, String label) {
    this.name = Objects.requireNonNull(name, "name");
    this.body = body;
    this.label = Objects.requireNonNull(label, "label");
  }

  /**
   * The code named {@code name}: the built-in constant when there is one, else a code without a
   * body (see the class comment). Any text is accepted here; the engine refuses a code its
   * knowledge base does not list.
   */
  public static CredentialCode of(String name) {
    Objects.requireNonNull(name, "name");
    for (CredentialCode code : BUILT_IN) {
      if (code.name.equals(name)) {
        return code;
      }
    }
    return new CredentialCode(name, null, name.replace('_', '-'));
  }

  /** A credential as a knowledge base defines it. */
  public static CredentialCode of(String name, CertifyingBody body, String label) {
    return new CredentialCode(name, Objects.requireNonNull(body, "body"), label);
  }

  /**
   * The built-in credential named {@code name}, like an enumeration's {@code valueOf}.
   *
   * @throws IllegalArgumentException when no built-in credential has that name
   */
  public static CredentialCode valueOf(String name) {
    CredentialCode code = of(name);
    if (code.body == null) {
      throw new IllegalArgumentException("no built-in credential " + name);
    }
    return code;
  }

  /** The seven credentials of the built-in knowledge base, sorted by code. */
  public static List<CredentialCode> builtIn() {
    return BUILT_IN;
  }

  /** The code as profiles and results write it, such as {@code CCS_P}. */
  public String name() {
    return name;
  }

  /** The awarding body, which decides the renewal cycle the credential follows; null when not yet resolved. */
  public CertifyingBody body() {
    return body;
  }

  /** The credential as people write it: {@code CCS-P}, not the code's {@code CCS_P}. */
  public String label() {
    return label;
  }

  /** True for credentials that share AHIMA's two-year recertification cycle. */
  public boolean ahima() {
    return body == CertifyingBody.AHIMA;
  }

  @Override
  public int compareTo(CredentialCode other) {
    return name.compareTo(other.name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CredentialCode code && code.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
