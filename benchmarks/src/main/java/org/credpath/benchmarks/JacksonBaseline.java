package org.credpath.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;

/**
 * The cold-start baseline: a JVM that only parses a profile file with Jackson and writes it back,
 * pretty-printed, to standard output, as {@code credpath evaluate} writes its results. Whatever
 * {@code bin/credpath evaluate} costs above this is credpath's own start: rules, engine, CLI.
 * Used by {@link ColdStartBench}; {@code JacksonBaseline FILE}.
 */
public final class JacksonBaseline {
  private JacksonBaseline() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode profiles = mapper.readTree(new File(args[0]));
    mapper.writeValue(System.out, profiles);
    System.out.println();
  }
}
