package io.warrenmq.model.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed sources of {@code io.warrenmq.model.generated} are exactly what the spec file
 * produces. With {@code -Dcodegen.write=true} the test rewrites them instead of failing.
 */
class GeneratedSourcesTest {

  @Test
  void committedSourcesMatchTheSpec() throws IOException {
    Map<String, String> expected =
        new JavaGenerator(SpecDefinition.load(SpecDefinition.DEFAULT_LOCATION)).generate();
    Path directory = Path.of(JavaGenerator.DIRECTORY);
    if (Boolean.getBoolean("codegen.write")) {
      JavaGenerator.main(new String[0]);
    }
    Set<String> present;
    try (Stream<Path> files = Files.list(directory)) {
      present =
          files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(present).as("generated files").isEqualTo(new TreeSet<>(expected.keySet()));
    for (Map.Entry<String, String> file : expected.entrySet()) {
      assertThat(Files.readString(directory.resolve(file.getKey())))
          .as("%s is stale: regenerate with -Dcodegen.write=true", file.getKey())
          .isEqualTo(file.getValue());
    }
  }
}
