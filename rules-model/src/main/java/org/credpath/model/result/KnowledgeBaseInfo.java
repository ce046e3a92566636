package org.credpath.model.result;

import java.util.Objects;

/**
 * Which rules produced a result.
 *
 * @param sha256 hash over every rule, catalogue and data file of the knowledge base, so that two
 *     results can be compared knowing whether the rules were the same
 */
public record KnowledgeBaseInfo(String name, String version, String sha256) {
  public KnowledgeBaseInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(sha256, "sha256");
  }
}
