package org.credpath.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CredentialCode;

/**
 * The one Jackson configuration of the public contract, shared by the CLI, the server, the scenario
 * runner and tests. Only immutable, thread-safe readers and writers and static helpers are public:
 * the mapper itself stays inside this package, so no caller can reconfigure it for everyone else.
 *
 * <p>Strict on input (unknown fields, numbers for text, text for numbers and nulls for lists are
 * errors) because a typo must never silently drop data; stable on output (record component order,
 * ISO dates, whole numbers without ".0").
 */
public final class Json {
  /** Deepest nesting accepted in one record; real profiles need 4. */
  public static final int MAX_NESTING = 64;
  /** Longest string accepted anywhere in a record. */
  public static final int MAX_STRING = 10_000;
  /** Most digits accepted in one number. */
  public static final int MAX_NUMBER = 100;
  /** Longest field name accepted; the contract's longest is 19 characters. */
  public static final int MAX_NAME = 1_000;
  /**
   * Longest record accepted, in characters: an NDJSON line, an array element, a request body. A
   * profile is a few thousand; a longer record is skipped to its end without being held in memory.
   */
  public static final int MAX_RECORD = 1 << 20;

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule().addSerializer(Double.class, new PlainNumber()).addSerializer(double.class, new PlainNumber())
          .addSerializer(CredentialCode.class, ToStringSerializer.instance)
          .addDeserializer(CredentialCode.class, new CodeReader()))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).maxNameLength(MAX_NAME)
        .build());
  }

  /** Reads one value out of a longer stream (an array element), where more tokens follow. */
  public static final ObjectReader STREAM_TREE_READER =
      MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  public static final ObjectReader PROFILE_READER = MAPPER.readerFor(CandidateProfile.class);
  public static final ObjectWriter COMPACT = MAPPER.writer();
  public static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter().withSeparators(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private Json() {}

  /** One whole JSON text as a tree; anything after the value is an error. */
  public static JsonNode readTree(String json) throws JsonProcessingException {
    return MAPPER.readTree(json);
  }

  /** One whole JSON file as a tree; anything after the value is an error. */
  public static JsonNode readTree(File file) throws IOException {
    return MAPPER.readTree(file);
  }

  /** A parser under this configuration's limits (nesting, string, number and name lengths). */
  public static JsonParser createParser(byte[] json) throws IOException {
    return MAPPER.createParser(json);
  }

  /** A parser under this configuration's limits (nesting, string, number and name lengths). */
  public static JsonParser createParser(String json) throws IOException {
    return MAPPER.createParser(json);
  }

  public static ObjectNode objectNode() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode arrayNode() {
    return MAPPER.createArrayNode();
  }

  public static JsonNodeFactory nodes() {
    return MAPPER.getNodeFactory();
  }

  /** {@code value} as the tree it would be written as. */
  public static <T extends JsonNode> T toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * Reads a credential code as the text it is, without judging it: which codes exist is data of
   * the knowledge base, so the engine refuses an unknown one ({@code UNKNOWN_VALUE}, as for any
   * value outside a list). A number is read as its text too, so it is refused the same way.
   */
  private static final class CodeReader extends StdScalarDeserializer<CredentialCode> {
    private static final long serialVersionUID = 1L;

    CodeReader() {
      super(CredentialCode.class);
    }

    @Override
    public CredentialCode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING) || p.hasToken(JsonToken.VALUE_NUMBER_INT)
          || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
        return CredentialCode.of(p.getText());
      }
      return (CredentialCode) ctxt.handleUnexpectedToken(CredentialCode.class, p);
    }
  }

  /** Writes 20.0 as 20 and 5.5 as 5.5, so output matches what people typed. */
  private static final class PlainNumber extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.isNaN() || value.isInfinite()) {
        gen.writeNull();
      } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        gen.writeNumber(value.longValue());
      } else {
        gen.writeNumber(BigDecimal.valueOf(value).stripTrailingZeros());
      }
    }
  }
}
