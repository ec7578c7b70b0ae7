package dev.sleet.sql;

import java.util.stream.Stream;

import static dev.sleet.sql.ExecutionTest.WIDE;

/**
 * Run in a forked JVM with a small heap by {@link ExecutionTest}: reads every row of {@code wide}
 * either streamed ({@code stream}) or all at once ({@code fetch}), and prints how many it read.
 */
public final class StreamProbe {

    public static void main(String[] args) {
        Database db = Database.connect(args[0]);
        long count;
        if (args[1].equals("stream")) {
            try (Stream<Row> rows = db.select(WIDE.id, WIDE.body).from(WIDE).stream(500)) {
                count = rows.mapToLong(r -> r.get(WIDE.body).length()).filter(n -> n > 0).count();
            }
        } else {
            count = db.select(WIDE.id, WIDE.body).from(WIDE).fetch().size();
        }
        System.out.println("rows=" + count);
    }
}
