package io.warrenmq.broker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.ReplyCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {
  @Test
  void expressionsMatchAnywhereInTheNameAsRabbitMqDoes() {
    Permissions p = Permissions.of("^cfg-", "log", "^(a|b)$");
    assertThat(p.allows(Permission.CONFIGURE, "cfg-1")).isTrue();
    assertThat(p.allows(Permission.CONFIGURE, "x-cfg-1")).isFalse();
    assertThat(p.allows(Permission.WRITE, "app.logs")).isTrue(); // unanchored
    assertThat(p.allows(Permission.WRITE, "app")).isFalse();
    assertThat(p.allows(Permission.READ, "a")).isTrue();
    assertThat(p.allows(Permission.READ, "ab")).isFalse();
  }

  @Test
  void emptyExpressionGrantsNothingAndDotStarEverything() {
    Permissions none = Permissions.of("", "", "");
    Permissions all = Permissions.ALL;
    for (Permission permission : Permission.values()) {
      assertThat(none.allows(permission, "q")).isFalse();
      assertThat(all.allows(permission, "q")).isTrue();
      assertThat(all.allows(permission, "")).isTrue();
    }
  }

  @Test
  void invalidExpressionIsRejected() {
    assertThatThrownBy(() -> Permissions.of("(", ".*", ".*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void userAccessRefusesWithRabbitMqText() {
    AccessControl control =
        new AccessControl(AccessSnapshot.initial("guest", "guest", "/"), s -> {});
    control.addUser("u", "pw", Set.of());
    control.setPermissions("u", "/", Permissions.of("", "^amq\\.default$", "^q$"));
    UserAccess access = new UserAccess(control, "u", "/");
    access.exchange(Permission.WRITE, ""); // the default exchange is checked as amq.default
    access.queue(Permission.READ, "q");
    assertThatThrownBy(() -> access.queue(Permission.CONFIGURE, "q"))
        .isInstanceOfSatisfying(
            AmqpException.class,
            e -> {
              assertThat(e.replyCode()).isEqualTo(ReplyCode.ACCESS_REFUSED);
              assertThat(e.replyText())
                  .isEqualTo(
                      "ACCESS_REFUSED - access to queue 'q' in vhost '/' refused for user 'u'");
            });
    control.clearPermissions("u", "/");
    assertThatThrownBy(() -> access.queue(Permission.READ, "q")).isInstanceOf(AmqpException.class);
  }

  @Test
  void everyChangeIsPublishedAsANewSnapshot() {
    List<AccessSnapshot> seen = new ArrayList<>();
    AccessControl control =
        new AccessControl(AccessSnapshot.initial("guest", "guest", "/"), seen::add);
    control.addVhost("v");
    control.addUser("u", "pw", Set.of("monitoring"));
    control.setPermissions("u", "v", Permissions.ALL);
    control.changePassword("u", "pw2");
    control.setUserTags("u", Set.of("management"));
    assertThat(seen).hasSize(5);
    assertThat(control.authenticate("u", "pw")).isNull();
    assertThat(control.authenticate("u", "pw2").tags()).containsExactly("management");
    assertThat(control.userPermissions("u")).containsOnlyKeys("v");
    control.deleteVhost("v");
    assertThat(control.userPermissions("u")).isEmpty();
    control.deleteUser("u");
    assertThat(control.authenticate("u", "pw2")).isNull();
    assertThatThrownBy(() -> control.deleteUser("u")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> control.setPermissions("guest", "nope", Permissions.ALL))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
