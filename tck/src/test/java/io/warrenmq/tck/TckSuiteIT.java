package io.warrenmq.tck;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The Maven entry point of the cases: every class in {@code io.warrenmq.tck.cases}, found by
 * package scanning (no list to keep up to date). Run 1 (in-process WarrenMQ) and run 2 (a URI) both
 * run this suite; the pom's failsafe executions set which broker.
 */
@Suite
@SelectPackages("io.warrenmq.tck.cases")
@IncludeClassNamePatterns(".*Tck") // the cases' naming rule, instead of JUnit's default *Test
class TckSuiteIT {}
