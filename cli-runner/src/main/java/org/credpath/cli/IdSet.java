package org.credpath.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The candidate ids seen so far in a batch, as 64-bit fingerprints in an open-addressing table:
 * about 16 bytes per id instead of a hundred for a HashSet of strings, so a batch of millions of
 * profiles stays within a small heap. Two different ids share a fingerprint with a probability of
 * about n²/2⁶⁵ (3 in 100 million for a million ids); that is the price of constant memory.
 */
final class IdSet {
  private long[] slots = new long[1 << 12];
  private int size;

  /** Adds {@code id}; false when it was already present. */
  boolean add(String id) {
    long fingerprint = fingerprint(id);
    if (size * 2 >= slots.length) {
      grow();
    }
    return insert(slots, fingerprint);
  }

  private boolean insert(long[] table, long fingerprint) {
    int mask = table.length - 1;
    int i = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
    while (table[i] != 0) {
      if (table[i] == fingerprint) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = fingerprint;
    if (table == slots) {
      size++;
    }
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    Arrays.stream(old).filter(f -> f != 0).forEach(f -> insert(slots, f));
  }

  /** FNV-1a over the UTF-8 bytes, then a finaliser; never 0, which marks an empty slot. */
  static long fingerprint(String id) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash == 0 ? 1 : hash;
  }
}
