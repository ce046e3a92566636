package org.credpath.model.result;

import java.util.Objects;

/** Context worth telling the candidate that is neither a status nor a step. */
public record Note(String ruleId, Confidence confidence, String message) {
  public Note {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(message, "message");
  }
}
