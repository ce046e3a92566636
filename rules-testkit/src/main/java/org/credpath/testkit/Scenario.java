package org.credpath.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.credpath.model.profile.CandidateProfile;

/**
 * One scenario file: a profile, the date to evaluate it on, and what the result must show.
 *
 * @param expect the {@code expect} object of the file, checked by {@link ScenarioRunner}
 */
public record Scenario(Path file, String description, LocalDate asOf, CandidateProfile profile, JsonNode expect) {}
