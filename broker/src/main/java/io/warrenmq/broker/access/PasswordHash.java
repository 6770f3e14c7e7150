package io.warrenmq.broker.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes as RabbitMQ stores them ({@code rabbit_password_hashing_sha256}): base64 of a
 * 4-byte random salt followed by SHA-256(salt + UTF-8 password). A hash exported by {@code
 * rabbitmqctl export_definitions} verifies here and ours verify there. Thread-safe.
 */
public final class PasswordHash {
  /** RabbitMQ's name for this algorithm, as in definitions files. */
  public static final String ALGORITHM = "rabbit_password_hashing_sha256";

  private static final int SALT_BYTES = 4;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new salted hash of {@code password}. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return Base64.getEncoder().encodeToString(salted(salt, password));
  }

  /** True when {@code hash} is a hash of {@code password}; false for a malformed hash. */
  public static boolean verify(String password, String hash) {
    byte[] stored;
    try {
      stored = Base64.getDecoder().decode(hash);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (stored.length != SALT_BYTES + 32) {
      return false;
    }
    byte[] salt = new byte[SALT_BYTES];
    System.arraycopy(stored, 0, salt, 0, SALT_BYTES);
    // Constant time: the comparison does not tell how many bytes matched.
    return MessageDigest.isEqual(stored, salted(salt, password));
  }

  /** salt + SHA-256(salt + password). */
  private static byte[] salted(byte[] salt, String password) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
    sha256.update(salt);
    byte[] digest = sha256.digest(password.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[salt.length + digest.length];
    System.arraycopy(salt, 0, out, 0, salt.length);
    System.arraycopy(digest, 0, out, salt.length, digest.length);
    return out;
  }
}
