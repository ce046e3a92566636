package org.credpath.cli;

import java.time.LocalDate;
import java.util.List;
import org.credpath.json.Json;
import org.credpath.json.ProfileDecoder;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.KnowledgeBaseInfo;

/**
 * Prepares the JSON codec on a second core while the rules load: decodes a small profile and
 * writes a small result, so that Jackson's classes are loaded and its (cached, thread-safe)
 * readers and writers for profiles and results are built before the first record arrives. Only a
 * start-up overlap: nothing it produces is used, and a failure here changes nothing.
 */
final class JsonWarmUp {
  private static final String PROFILE = """
      {"id": "warm-up", "state": "NY", "highSchool": "DIPLOMA",
       "education": [{"level": "ASSOCIATE", "field": "HEALTH_INFORMATION_MANAGEMENT", "cahiimAccredited": true,
                      "status": "COMPLETED", "completedOn": "2023-05-20"}],
       "credentials": [{"code": "RHIT", "earnedOn": "2023-07-14"}],
       "continuingEducation": [{"date": "2024-02-01", "hours": 10, "provider": "AHIMA", "hiimDomain": true}],
       "goals": ["RHIA"]}""";

  private JsonWarmUp() {}

  static void start() {
    Thread thread = new Thread(JsonWarmUp::run, "credpath-json-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      LocalDate day = LocalDate.of(2026, 1, 15);
      ProfileDecoder.decode(Json.readTree(PROFILE));
      Json.PRETTY.writeValueAsString(new EvaluationResult("warm-up", day, new KnowledgeBaseInfo("kb", "1", "0"),
          List.of(), List.of(), List.of(), null));
    } catch (java.io.IOException | RuntimeException e) {
      // only a warm-up: the real records are read and written as always
    }
  }
}
