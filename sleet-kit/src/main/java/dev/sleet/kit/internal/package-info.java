/**
 * The kit's internals: unsupported API that may change in any release. {@link dev.sleet.kit.internal.WriteHook}
 * lets tests stop a process at each file write.
 */
package dev.sleet.kit.internal;
