package io.warrenmq.broker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
  /**
   * Exported from RabbitMQ 3.10 ({@code rabbitmqctl add_user hashcheck secret123}, then {@code
   * export_definitions}): hashing_algorithm rabbit_password_hashing_sha256.
   */
  private static final String RABBITMQ_HASH = "LaEhrbVKe4QkxEMR/85YIisLRTk21C51f7STZQ3LFIvBIcqY";

  @Test
  void acceptsAHashProducedByRabbitMq() {
    assertThat(PasswordHash.verify("secret123", RABBITMQ_HASH)).isTrue();
    assertThat(PasswordHash.verify("secret124", RABBITMQ_HASH)).isFalse();
    assertThat(PasswordHash.verify("", RABBITMQ_HASH)).isFalse();
  }

  @Test
  void hashesAreSaltedAndVerify() {
    String first = PasswordHash.hash("pässwörd");
    String second = PasswordHash.hash("pässwörd");
    assertThat(first).isNotEqualTo(second);
    assertThat(Base64.getDecoder().decode(first)).hasSize(4 + 32);
    assertThat(PasswordHash.verify("pässwörd", first)).isTrue();
    assertThat(PasswordHash.verify("pässwörd", second)).isTrue();
    assertThat(PasswordHash.verify("passwort", first)).isFalse();
  }

  @Test
  void malformedHashesVerifyNothing() {
    assertThat(PasswordHash.verify("x", "")).isFalse();
    assertThat(PasswordHash.verify("x", "not base64!")).isFalse();
    assertThat(PasswordHash.verify("x", Base64.getEncoder().encodeToString(new byte[8]))).isFalse();
  }

  @Test
  void userWithoutHashCannotLogIn() {
    User user = new User("u", "", java.util.Set.of());
    assertThat(user.checkPassword("")).isFalse();
  }
}
