package org.credpath.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.LocalDate;
import java.util.function.Function;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.FieldProblem;
import org.credpath.model.profile.InvalidFieldException;

/**
 * Turns one JSON record into a {@link CandidateProfile}, or into a {@link RecordError} that names
 * the JSON path and says in plain words what to fix, without repeating the value.
 *
 * <p>Decoding is about JSON only: the shape, the types, unknown fields and the values of the
 * contract's enumerations. What needs the evaluation date or the knowledge base (dates after
 * {@code asOf}, a credential listed twice, credential codes the knowledge base does not know) is
 * checked once, by the engine ({@code CredpathEngine.problems} and {@code evaluate}); a record
 * with problems of both kinds still gets one error listing them all ({@link Decoded#error(Function)}).
 */
public final class ProfileDecoder {
  private ProfileDecoder() {}

  /**
   * Either a profile or the record's JSON problems; {@code candidateId} is known whenever the
   * record has a string id.
   *
   * @param problems every JSON problem of the record, in the order found; empty when {@code profile} is set
   * @param readable when there are problems: the record as read with the faulty fields left out,
   *     for the engine's checks to find the rest; null when reading it needed a stand-in value
   */
  public record Decoded(String candidateId, CandidateProfile profile, List<RecordError> problems, CandidateProfile readable) {
    public Decoded {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return profile != null;
    }

    /** The record's JSON problems as one error (the first, the others in {@code more}); null when {@link #ok()}. */
    public RecordError error() {
      return problems.isEmpty() ? null : together(problems);
    }

    /**
     * The record's error with the problems {@code checks} finds in what could be read (the
     * engine's: {@code p -> engine.problems(p, asOf)}) joined after the JSON ones, so that one
     * error lists every problem of the record. Without a stand-in only: checks would otherwise
     * judge invented values.
     */
    public RecordError error(Function<CandidateProfile, List<FieldProblem>> checks) {
      if (readable == null || problems.isEmpty()) {
        return error();
      }
      List<RecordError> all = new ArrayList<>(problems);
      checks.apply(readable).forEach(p -> all.add(fieldProblem(p)));
      return together(all);
    }
  }

  /** Decoding attempts per record; each one may add a problem, so this bounds {@code error.more}. */
  private static final int MAX_ATTEMPTS = 20;

  /**
   * Decodes {@code node}. Every JSON problem found is reported together: all unknown fields (with
   * a suggestion for a near miss), then the type, value and required-field problems found by
   * decoding again past each one ({@link FieldRepair}). The first is the error; the others are in
   * its {@code more}.
   */
  public static Decoded decode(JsonNode node) {
    String id = node != null && node.path("id").isTextual() ? node.get("id").asText() : null;
    if (node == null || !node.isObject()) {
      return new Decoded(id, null, List.of(new RecordError("WRONG_TYPE", "$", "a profile must be a JSON object { … }")), null);
    }
    List<RecordError> problems = new ArrayList<>(UnknownFields.find(node, CandidateProfile.class));
    JsonNode working = node;
    if (!problems.isEmpty()) {
      working = node.deepCopy();
      UnknownFields.remove(working, CandidateProfile.class);
    }
    CandidateProfile profile = null;
    Map<String, Integer> repairs = new HashMap<>();
    boolean standIns = false;
    for (int attempt = 0; attempt < MAX_ATTEMPTS && profile == null; attempt++) {
      try {
        profile = Json.PROFILE_READER.treeToValue(working, CandidateProfile.class);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        RecordError error = errorOf(e);
        if (problems.stream().noneMatch(p -> p.path().equals(error.path()))) {
          problems.add(error);
        }
        if (working == node) {
          working = node.deepCopy();
        }
        // first without the value (enough for an optional field), then with a stand-in (a required one)
        int repair = repairs.merge(error.path(), 1, Integer::sum);
        boolean removed = repair == 1 && FieldRepair.remove(working, error.path());
        boolean replaced = !removed && repair <= 2 && FieldRepair.standIn(working, error.path());
        standIns |= replaced;
        if (!removed && !replaced) {
          break;
        }
      }
    }
    if (!problems.isEmpty()) {
      return new Decoded(id, null, problems, standIns ? null : profile);
    }
    return new Decoded(id, profile, List.of(), null);
  }

  private static RecordError fieldProblem(FieldProblem p) {
    return new RecordError(p.code(), p.path(), p.message());
  }

  /** Most problems listed for one record, so that a record of many typos cannot multiply the output. */
  static final int MAX_PROBLEMS = 20;

  /** The first problem, with the others (at most {@link #MAX_PROBLEMS} in all) under {@code more}. */
  private static RecordError together(List<RecordError> all) {
    RecordError first = all.get(0);
    List<RecordError> more = new ArrayList<>(all.subList(1, Math.min(all.size(), MAX_PROBLEMS)));
    if (all.size() > MAX_PROBLEMS) {
      RecordError next = all.get(MAX_PROBLEMS);
      more.add(new RecordError(next.code(), next.path(), "and " + (all.size() - MAX_PROBLEMS)
          + " more problem(s) from here on, not listed; fix the ones above and run again"));
    }
    return new RecordError(first.code(), first.path(), first.message(), more);
  }

  /** One error for the engine's problems of a profile: the first, with the rest under {@code more}. */
  public static RecordError invalid(List<FieldProblem> problems) {
    return together(problems.stream().map(ProfileDecoder::fieldProblem).toList());
  }

  static RecordError errorOf(Exception e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return new RecordError("UNKNOWN_FIELD", path(u),
          "unknown field `" + u.getPropertyName() + "`; expected one of: " + names(u.getKnownPropertyIds())
              + ". Check the spelling: unknown fields are refused so that no data is silently dropped");
    }
    if (e instanceof ValueInstantiationException v && v.getCause() instanceof InvalidFieldException f) {
      return new RecordError("INVALID_FIELD", join(path(v), f.field()), f.reason());
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return new RecordError("UNKNOWN_VALUE", path(f),
          "is not a known value; use one of: " + names(Arrays.asList(f.getTargetType().getEnumConstants())));
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() == LocalDate.class
        || e.getCause() instanceof DateTimeParseException) {
      return new RecordError("INVALID_DATE", path((JsonMappingException) e),
          "is not a calendar date; write dates as YYYY-MM-DD, such as 2025-02-10");
    }
    if (e instanceof MismatchedInputException m) {
      return new RecordError("WRONG_TYPE", path(m), "has the wrong type: expected " + expected(m.getTargetType()));
    }
    if (e instanceof JsonMappingException m) {
      return new RecordError("INVALID_FIELD", path(m), "has a value this field cannot take");
    }
    return new RecordError("INVALID_FIELD", "$", "is not a valid profile");
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == int.class || type == Integer.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string in quotes";
    }
    if (type.isEnum()) {
      return "one of: " + names(Arrays.asList(type.getEnumConstants()));
    }
    if (type == CredentialCode.class) {
      return "a credential code in quotes, such as \"RHIT\"";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list [ … ]";
    }
    if (type == LocalDate.class) {
      return "a date YYYY-MM-DD";
    }
    return "an object { … }";
  }

  private static String names(Collection<?> values) {
    return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  /** "$.education[0].completedOn" from Jackson's reference chain. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String join(String path, String field) {
    return field.startsWith("[") ? path + field : path + "." + field;
  }
}
