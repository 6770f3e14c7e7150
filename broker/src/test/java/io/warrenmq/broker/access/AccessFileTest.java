package io.warrenmq.broker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessFileTest {
  @TempDir Path dir;

  @Test
  void firstStartHasNoFile() throws IOException {
    assertThat(new AccessFile(dir).load()).isNull();
  }

  @Test
  void roundTripsAnyCharactersWithoutPlainPasswords() throws IOException {
    AccessControl control =
        new AccessControl(AccessSnapshot.initial("guest", "guest", "/"), s -> {});
    control.addVhost("tab\there/new\nline %ü");
    control.addUser("ü ser", "s3cret-password", Set.of("administrator", "monitoring"));
    control.setPermissions("ü ser", "tab\there/new\nline %ü", Permissions.of("", "^a\tb$", ".*"));
    AccessFile file = new AccessFile(dir);
    file.save(control.snapshot());

    AccessSnapshot loaded = new AccessFile(dir).load();
    assertThat(loaded.vhosts()).containsExactly("/", "tab\there/new\nline %ü");
    assertThat(loaded.users().get("ü ser").tags()).containsOnly("administrator", "monitoring");
    assertThat(loaded.users().get("ü ser").checkPassword("s3cret-password")).isTrue();
    assertThat(loaded.permissions("ü ser", "tab\there/new\nline %ü"))
        .isEqualTo(Permissions.of("", "^a\tb$", ".*"));
    assertThat(loaded.permissions("guest", "/")).isEqualTo(Permissions.ALL);
    String text = Files.readString(dir.resolve(AccessFile.NAME), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("s3cret-password");
    assertThat(dir.resolve(AccessFile.NAME + ".tmp")).doesNotExist();
  }

  @Test
  void saveLaterCoalescesAndCloseFlushes() throws IOException {
    AccessFile file = new AccessFile(dir);
    AccessControl control =
        new AccessControl(AccessSnapshot.initial("guest", "guest", "/"), file::saveLater);
    for (int i = 0; i < 50; i++) {
      control.addVhost("v" + i);
    }
    file.close();
    assertThat(new AccessFile(dir).load().vhosts()).hasSize(51);
  }

  @Test
  void refusesAFileThatIsNotOurs() throws IOException {
    Files.writeString(dir.resolve(AccessFile.NAME), "hello\n");
    assertThatThrownBy(() -> new AccessFile(dir).load()).isInstanceOf(IOException.class);
  }

  @Test
  void roundTripsTopicPermissions() throws IOException {
    AccessControl control =
        new AccessControl(AccessSnapshot.initial("guest", "guest", "/"), s -> {});
    control.setTopicPermission("guest", "/", TopicPermission.of("amq.topic", "^a\t{username}", ""));
    AccessFile file = new AccessFile(dir);
    file.save(control.snapshot());
    assertThat(new AccessFile(dir).load().topicPermissions("guest", "/"))
        .containsExactlyEntriesOf(
            java.util.Map.of("amq.topic", TopicPermission.of("amq.topic", "^a\t{username}", "")));
    control.deleteUser("guest");
    assertThat(control.snapshot().topicPermissions()).isEmpty();
  }

  @Test
  void loadsAVersionOneFileWrittenBeforeTopicPermissions() throws IOException {
    Files.writeString(
        dir.resolve(AccessFile.NAME),
        "# warrenmq access 1\nvhost\t%2F\nuser\tguest\t\tadministrator\n"
            + "permission\tguest\t%2F\t.*\t.*\t.*\n",
        StandardCharsets.UTF_8);
    AccessSnapshot loaded = new AccessFile(dir).load();
    assertThat(loaded.vhosts()).containsExactly("/");
    assertThat(loaded.permissions("guest", "/")).isEqualTo(Permissions.ALL);
    assertThat(loaded.topicPermissions()).isEmpty();
  }
}
