package dev.sleet.sql;

/** A node of an SQL statement; it writes itself into a {@link RenderContext}, asking it for anything dialect-specific. */
interface QueryPart {

    void render(RenderContext context);
}
