package org.credpath.model.profile;

/**
 * Thrown by a profile record's constructor when one of its fields breaks the contract.
 *
 * <p>It names the field so that a reader can report the full JSON path of the offending value.
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidFieldException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The field name (or {@code list[index]}) relative to the record that refused it. */
  public String field() {
    return field;
  }

  /** The plain-language reason, without the field name. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }
}
