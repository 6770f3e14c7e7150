package io.warrenmq.broker.vhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicTrieTest {

  private static boolean matches(String pattern, String key) {
    TopicTrie<String> trie = new TopicTrie<>();
    trie.add(pattern, pattern);
    Set<String> found = new HashSet<>();
    trie.match(key, found::add);
    return found.contains(pattern);
  }

  @Test
  void exactWords() {
    assertThat(matches("a.b", "a.b")).isTrue();
    assertThat(matches("a.b", "a.c")).isFalse();
    assertThat(matches("a.b", "a.b.c")).isFalse();
  }

  @Test
  void starIsExactlyOneWord() {
    assertThat(matches("*.orange.*", "quick.orange.rabbit")).isTrue();
    assertThat(matches("*.orange.*", "orange")).isFalse();
    assertThat(matches("*", "")).isFalse();
    assertThat(matches("a.*", "a.")).isTrue();
  }

  @Test
  void hashIsZeroOrMoreWords() {
    assertThat(matches("#", "")).isTrue();
    assertThat(matches("#", "a.b.c")).isTrue();
    assertThat(matches("lazy.#", "lazy")).isTrue();
    assertThat(matches("lazy.#", "lazy.a.b")).isTrue();
    assertThat(matches("a.#.z", "a.z")).isTrue();
    assertThat(matches("a.#.z", "a.b.c.z")).isTrue();
    assertThat(matches("a.#.z", "a.b.c")).isFalse();
    assertThat(matches("#.#", "x")).isTrue();
  }

  @Test
  void emptyWordsAreWords() {
    assertThat(matches("a..b", "a..b")).isTrue();
    assertThat(matches("a.*.b", "a..b")).isTrue();
    assertThat(matches("", "")).isTrue();
    assertThat(matches("", "a")).isFalse();
  }

  @Test
  void removePrunesAndStopsMatching() {
    TopicTrie<String> trie = new TopicTrie<>();
    trie.add("a.*", "one");
    trie.add("a.*", "two");
    trie.remove("a.*", "one");
    Set<String> found = new HashSet<>();
    trie.match("a.b", found::add);
    assertThat(found).containsExactly("two");
    trie.remove("a.*", "two");
    found.clear();
    trie.match("a.b", found::add);
    assertThat(found).isEmpty();
  }
}
