package io.warrenmq.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of cases: each test method may take a {@link TckBroker} parameter, and every case
 * has a timeout so that a broker that never answers fails the case instead of hanging the run.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TckExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public @interface Tck {}
