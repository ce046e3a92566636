package org.credpath.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credpath.model.fact.Message;
import org.junit.jupiter.api.Test;

/**
 * Message arguments are kept in a compact map of their own (built one {@code with} at a time
 * without copying hash maps); these check that it behaves as the {@code LinkedHashMap} it replaced:
 * same order, equality and hash with any map of the same entries, a repeated name keeping its place,
 * immutability, and the same bound on parts.
 */
class MessageTest {
  @Test
  void with_keepsTheOrderAdded_andEqualsAndHashesLikeALinkedHashMap() {
    Message built = Message.of("k").with("b", 2).with("a", List.of("x")).with("c", null).with("n", Message.of("inner").with("i", 1));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("b", 2);
    expected.put("a", List.of("x"));
    expected.put("c", null);
    expected.put("n", new Message("inner", Map.of("i", 1)));

    assertThat(List.copyOf(built.args().keySet())).containsExactly("b", "a", "c", "n");
    assertThat(new ArrayList<>(built.args().values())).containsExactlyElementsOf(expected.values());
    assertThat(built.args()).isEqualTo(expected);
    assertThat(expected).isEqualTo(built.args());
    assertThat(built.args().hashCode()).isEqualTo(expected.hashCode());
    assertThat(built.args().toString()).isEqualTo(expected.toString());
    assertThat(built).isEqualTo(new Message("k", expected)).hasSameHashCodeAs(new Message("k", new HashMap<>(expected)));
    assertThat(built.args().containsKey("c")).isTrue();
    assertThat(built.args().get("c")).isNull();
    assertThat(built.args().get("missing")).isNull();
    assertThat(built.args().containsKey("missing")).isFalse();
  }

  @Test
  void equality_doesNotDependOnTheOrder_asForAnyMap() {
    assertThat(Message.of("k").with("a", 1).with("b", 2)).isEqualTo(Message.of("k").with("b", 2).with("a", 1))
        .hasSameHashCodeAs(Message.of("k").with("b", 2).with("a", 1));
    assertThat(Message.of("k").with("a", 1)).isNotEqualTo(Message.of("k").with("a", 2))
        .isNotEqualTo(Message.of("k").with("b", 1)).isNotEqualTo(Message.of("k").with("a", 1).with("b", null));
  }

  @Test
  void aRepeatedName_replacesTheValueInItsPlace() {
    Message m = Message.of("k").with("a", 1).with("b", 2).with("a", 3);

    assertThat(List.copyOf(m.args().keySet())).containsExactly("a", "b");
    assertThat(m.args()).containsEntry("a", 3).hasSize(2);
  }

  @Test
  void argumentsAreImmutable_andACallersMapIsCopied() {
    Map<String, Object> mine = new LinkedHashMap<>(Map.of("a", 1));
    Message m = new Message("k", mine);
    mine.put("b", 2);

    assertThat(m.args()).hasSize(1);
    assertThatThrownBy(() -> m.args().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.args().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void partsAreCounted_asWhenEveryArgumentWasWalked() {
    // 1 (itself) + 1 per argument, list item and nested message, nested ones with their own parts.
    Message inner = Message.of("i").with("a", 1).with("b", List.of(1, 2));   // 1 + 1 + (1 + 2) = 5
    Message fine = Message.of("k");
    for (int i = 0; i < 199; i++) {
      fine = fine.with("n" + i, inner);                                       // 1 + 199 * 5 = 996
    }
    Message last = fine.with("x", 1).with("y", 2).with("z", 3);              // 999
    assertThat(last.with("w", 4).args()).hasSize(203);                       // 1,000: allowed
    assertThatThrownBy(() -> last.with("w", 4).with("v", 5)).isInstanceOf(Message.TooLargeException.class);
    assertThatThrownBy(() -> last.with("w", List.of(1))).isInstanceOf(Message.TooLargeException.class);
    // Replacing an argument counts the message again: a small value in place of a large one fits.
    assertThat(last.with("w", 4).with("n0", 0).args()).hasSize(203);
  }

  @Test
  void aMessageHoldingItselfTwice_isStoppedAtTheBound() {
    // 45 doublings would be 2^45 parts; the bound stops the ninth (1 + 2 + ... parts > 1,000).
    int[] doublings = {0};
    assertThatThrownBy(() -> {
      Message m = Message.of("k");
      for (int i = 0; i < 45; i++) {
        m = m.with("a", m).with("b", m);
        doublings[0]++;
      }
    }).isInstanceOf(Message.TooLargeException.class);
    assertThat(doublings[0]).isEqualTo(8);
  }
}
