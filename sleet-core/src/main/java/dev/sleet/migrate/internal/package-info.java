/**
 * Internals of the Sleet migrator. <strong>Not a supported API:</strong> classes here may change or
 * disappear in any release without notice. Use {@link dev.sleet.migrate} instead.
 */
package dev.sleet.migrate.internal;
