package io.warrenmq.broker.vhost;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Topic patterns in a trie of dot-separated words, with RabbitMQ's rules: {@code *} matches exactly
 * one word, {@code #} zero or more, and empty words (as in {@code a..b}) are words like any other.
 * The empty key has zero words.
 *
 * <p>Confinement: one writer at a time (the vhost's topology lock); readers run concurrently
 * without locks over concurrent maps, seeing each add or remove either whole or not yet.
 */
public final class TopicTrie<V> {
  private final Node<V> root = new Node<>();

  /** Adds {@code value} under {@code pattern}. */
  public void add(String pattern, V value) {
    Node<V> node = root;
    for (String word : words(pattern)) {
      node = node.children.computeIfAbsent(word, w -> new Node<>());
    }
    node.values.add(value);
  }

  /** Removes {@code value} from {@code pattern} and prunes nodes left empty. */
  public void remove(String pattern, V value) {
    remove(root, words(pattern), 0, value);
  }

  /** Calls {@code sink} for each value whose pattern matches {@code routingKey}, possibly twice. */
  public void match(String routingKey, Consumer<V> sink) {
    match(root, words(routingKey), 0, sink);
  }

  private static String[] words(String key) {
    return key.isEmpty() ? new String[0] : key.split("\\.", -1);
  }

  private static <V> boolean remove(Node<V> node, String[] words, int i, V value) {
    if (i == words.length) {
      node.values.remove(value);
    } else {
      Node<V> child = node.children.get(words[i]);
      if (child != null && remove(child, words, i + 1, value)) {
        node.children.remove(words[i], child);
      }
    }
    return node.values.isEmpty() && node.children.isEmpty();
  }

  private static <V> void match(Node<V> node, String[] words, int i, Consumer<V> sink) {
    Node<V> hash = node.children.get("#");
    if (hash != null) {
      // '#' swallows zero or more words: try every split point.
      for (int j = i; j <= words.length; j++) {
        match(hash, words, j, sink);
      }
    }
    if (i == words.length) {
      node.values.forEach(sink);
      return;
    }
    Node<V> exact = node.children.get(words[i]);
    if (exact != null) {
      match(exact, words, i + 1, sink);
    }
    Node<V> star = node.children.get("*");
    if (star != null) {
      match(star, words, i + 1, sink);
    }
  }

  private static final class Node<V> {
    final Map<String, Node<V>> children = new ConcurrentHashMap<>();
    final Set<V> values = new CopyOnWriteArraySet<>();
  }
}
