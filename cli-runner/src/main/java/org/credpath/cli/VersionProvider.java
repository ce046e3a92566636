package org.credpath.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Prints the credpath version, the built-in knowledge base it carries, and the Drools version. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties build = load("credpath-version.properties");
    Properties kb = load("credpath-kb/kb.properties");
    return new String[] {
        "credpath " + build.getProperty("version", "unknown"),
        "built-in knowledge base " + kb.getProperty("name", "?") + " " + kb.getProperty("version", "?"),
        "Drools " + build.getProperty("drools", "unknown") + ", Java " + System.getProperty("java.version")};
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        properties.load(in);
      }
    }
    return properties;
  }
}
