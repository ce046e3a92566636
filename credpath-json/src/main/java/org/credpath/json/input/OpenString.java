package org.credpath.json.input;

/** Whether the characters taken so far leave a JSON string open, following backslash escapes. */
final class OpenString {
  private boolean open;
  private boolean escaped;

  boolean open() {
    return open;
  }

  /** Ends the string where it stands (a line end inside a string, which JSON does not allow). */
  void close() {
    open = false;
    escaped = false;
  }

  /** Takes the next character; true when it closes a string. */
  boolean take(int c) {
    if (!open) {
      open = c == '"';
      return false;
    }
    if (escaped) {
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c == '"') {
      open = false;
      return true;
    }
    return false;
  }
}
