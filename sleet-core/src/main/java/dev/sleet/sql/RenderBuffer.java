package dev.sleet.sql;

/**
 * A StringBuilder per thread that statements render into, so a query does not allocate a new
 * buffer (and grow it step by step) each time; only the final String is new. A render that
 * starts while another is under way on the same thread (a statement rendered inside a render)
 * gets a fresh builder, and one that fails simply never gives its builder back.
 */
final class RenderBuffer {

    /** Builders that grew past this (a many-row insert) are left to the collector rather than kept per thread. */
    private static final int MAX_KEPT = 16_384;

    private static final ThreadLocal<StringBuilder[]> FREE = ThreadLocal.withInitial(() -> new StringBuilder[1]);

    private RenderBuffer() {
    }

    static StringBuilder take() {
        StringBuilder[] free = FREE.get();
        StringBuilder builder = free[0];
        if (builder == null) {
            return new StringBuilder(256);
        }
        free[0] = null;
        return builder;
    }

    static void give(StringBuilder builder) {
        if (builder.capacity() <= MAX_KEPT) {
            builder.setLength(0);
            FREE.get()[0] = builder;
        }
    }
}
