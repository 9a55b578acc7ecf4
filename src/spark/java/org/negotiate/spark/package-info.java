/**
 * A cluster engine for the experiment stage, built only by the {@code spark} profile into {@code
 * negotiate-spark.jar}: {@link org.negotiate.spark.SparkEngineProvider} registers {@code --engine
 * spark} through {@link java.util.ServiceLoader}, and {@link org.negotiate.spark.SparkEngine} runs
 * an experiment's pieces as Spark tasks. Only this package knows Spark; the main jar and every
 * other package stay free of it, and results are the same as on the local engine.
 */
package org.negotiate.spark;
