package org.credpath.json.input;

/**
 * The brackets open in a record. The innermost {@code remember} are kept for matching (deeper
 * nesting is only counted: it is TOO_LARGE anyway), with a count per kind so that a closer with no
 * opener of its kind is known at once, never by a search: framing stays linear in the input.
 */
final class OpenBrackets {
  private final char[] stack;
  private final long[] remembered = new long[2];
  private long depth;

  OpenBrackets(int remember) {
    stack = new char[remember];
  }

  long depth() {
    return depth;
  }

  void open(char c) {
    if (depth < stack.length) {
      stack[(int) depth] = c;
      remembered[c == '{' ? 0 : 1]++;
    }
    depth++;
  }

  /** Closes back to the nearest {@code opener}, closing any left open above it; false when none is open. */
  boolean close(char opener) {
    if (depth > stack.length) {
      depth--;
      return true;
    }
    if (remembered[opener == '{' ? 0 : 1] == 0) {
      return false;
    }
    char popped;
    do {
      popped = stack[(int) --depth];
      remembered[popped == '{' ? 0 : 1]--;
    } while (popped != opener);
    return true;
  }

  /** Whether valid JSON may open an object after {@code last} here: as an array element, or as a field's value. */
  boolean canOpenObject(char last) {
    if (depth > stack.length) {
      return true;
    }
    return stack[(int) depth - 1] == '[' ? last == '[' || last == ',' : last == ':';
  }
}
