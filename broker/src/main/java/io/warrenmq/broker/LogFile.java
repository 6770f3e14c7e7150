package io.warrenmq.broker;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The broker's log file, {@code DATA_DIR/log/warrenmq.log}, next to stdout (RabbitMQ logs to both
 * by default). Added by {@link Main} only: a broker embedded in an application or a test writes no
 * file, and leaves logging to whatever backend the application chose.
 */
final class LogFile {
  /** The pattern of the shipped {@code logback.xml}, so both outputs read the same. */
  private static final String PATTERN_PROPERTY = "WARRENMQ_PATTERN";

  private LogFile() {}

  /**
   * Appends every log event to {@code dataDir/log/warrenmq.log}; returns the file, or null when
   * logback is not the slf4j backend (someone configured another one on purpose).
   */
  static Path attach(Path dataDir) {
    if (!isLogback()) {
      return null;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Path file = dataDir.resolve("log").resolve("warrenmq.log");
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    String pattern = context.getProperty(PATTERN_PROPERTY);
    encoder.setPattern(
        pattern != null ? pattern : "%d{yyyy-MM-dd HH:mm:ss.SSS} [%-5level] %logger - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("FILE");
    appender.setFile(file.toString()); // logback creates the log directory
    appender.setAppend(true);
    appender.setEncoder(encoder);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    return file;
  }

  private static boolean isLogback() {
    try {
      return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
    } catch (NoClassDefFoundError absent) {
      return false;
    }
  }
}
