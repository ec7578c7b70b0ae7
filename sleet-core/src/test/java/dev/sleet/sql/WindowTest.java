package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Sql.*;
import static dev.sleet.sql.Window.Bound.currentRow;
import static dev.sleet.sql.Window.Bound.following;
import static dev.sleet.sql.Window.Bound.preceding;
import static dev.sleet.sql.Window.Bound.unboundedFollowing;
import static dev.sleet.sql.Window.Bound.unboundedPreceding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class WindowTest {

    @Test
    void rankingAndOffsets(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Window perUser = window().partitionBy(TASKS.userId).orderBy(TASKS.id);
        Expression<Long> number = over(rowNumber(), perUser).as("n");
        Expression<Long> rank = over(rank(), window().orderBy(TASKS.userId)).as("r");
        Expression<Long> dense = over(denseRank(), window().orderBy(TASKS.userId)).as("d");
        Expression<String> previous = over(lag(TASKS.name), window().orderBy(TASKS.id)).as("previous");
        Expression<Integer> twoAhead = over(lead(TASKS.id, 2), window().orderBy(TASKS.id)).as("ahead");
        Expression<Integer> bucket = over(ntile(2), window().orderBy(TASKS.id)).as("bucket");
        List<Row> rows = db.select(TASKS.id, number, rank, dense, previous, twoAhead, bucket).from(TASKS)
                .orderBy(TASKS.id).fetch();
        assertThat(rows).extracting(r -> r.get(number)).containsExactly(1L, 1L, 2L, 2L, 1L);
        assertThat(rows).extracting(r -> r.get(rank)).containsExactly(1L, 3L, 1L, 3L, 5L);
        assertThat(rows).extracting(r -> r.get(dense)).containsExactly(1L, 2L, 1L, 2L, 3L);
        assertThat(rows).extracting(r -> r.get(previous))
                .containsExactly(null, "Write docs", "Fix login", "Plan party", "Refactor");
        assertThat(rows).extracting(r -> r.get(twoAhead)).containsExactly(3, 4, 5, null, null);
        assertThat(rows).extracting(r -> r.get(bucket)).containsExactly(1, 1, 1, 2, 2);
    }

    @Test
    void framesAndRunningSums(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Window perUser = window().partitionBy(TASKS.userId).orderBy(TASKS.id);
        Expression<String> first = over(firstValue(TASKS.name), perUser).as("first");
        Expression<String> last = over(lastValue(TASKS.name),
                perUser.rows(unboundedPreceding(), unboundedFollowing())).as("last");
        Expression<Integer> running = over(sum(TASKS.id),
                window().orderBy(TASKS.id).rows(unboundedPreceding(), currentRow())).as("running");
        Expression<Integer> moving = over(sum(TASKS.id), window().orderBy(TASKS.id).rows(preceding(1), following(1)))
                .as("moving");
        Expression<Long> total = over(count(), window()).as("total");
        List<Row> rows = db.select(TASKS.id, first, last, running, moving, total).from(TASKS).orderBy(TASKS.id).fetch();
        assertThat(rows).extracting(r -> r.get(first))
                .containsExactly("Write docs", "Fix login", "Write docs", "Fix login", "Orphan");
        assertThat(rows).extracting(r -> r.get(last))
                .containsExactly("Plan party", "Refactor", "Plan party", "Refactor", "Orphan");
        assertThat(rows).extracting(r -> r.get(running)).containsExactly(1, 3, 6, 10, 15);
        assertThat(rows).extracting(r -> r.get(moving)).containsExactly(3, 6, 9, 12, 9);
        assertThat(rows).extracting(r -> r.get(total)).containsOnly(5L);
        assertThatThrownBy(() -> preceding(-1)).hasMessageContaining("not negative");
    }

    static final class Sales extends Table<Sales> {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> day = integer("day");
        final Column<Integer> amount = integer("amount");

        Sales() {
            super("sales");
        }
    }

    static final Sales SALES = new Sales();

    /**
     * A range frame takes a row's peers (equal order keys) with it; a rows frame counts rows. Days 1 and 3
     * have several sales, so the two running sums differ on them.
     */
    @Test
    void rangeFramesTakePeersRowsFramesCountRows(TestDatabase pg) {
        pg.execute("""
                CREATE TABLE sales (id INT PRIMARY KEY, day INT NOT NULL, amount INT NOT NULL);
                INSERT INTO sales VALUES (1, 1, 10), (2, 1, 20), (3, 2, 5), (4, 3, 1), (5, 3, 2), (6, 3, 4);
                """);
        Database db = Database.connect(pg.dataSource());
        Window byDay = window().orderBy(SALES.day);
        // The rows frame is ordered by id within a day too: among peers a rows frame's order is otherwise undefined.
        Window byDayThenId = window().orderBy(SALES.day, SALES.id);
        Expression<Integer> upToDay = over(sum(SALES.amount), byDay.range(unboundedPreceding(), currentRow())).as("up_to_day");
        Expression<Integer> upToRow = over(sum(SALES.amount), byDayThenId.rows(unboundedPreceding(), currentRow())).as("up_to_row");
        // An offset in a range frame is in the order key's units (this day and the one before), in a rows frame in rows.
        Expression<Integer> twoDays = over(sum(SALES.amount), byDay.range(preceding(1), currentRow())).as("two_days");
        Expression<Integer> twoRows = over(sum(SALES.amount), byDayThenId.rows(preceding(1), currentRow())).as("two_rows");
        Expression<Integer> sameDay = over(sum(SALES.amount), byDay.range(currentRow(), currentRow())).as("same_day");
        List<Row> rows = db.select(SALES.id, upToDay, upToRow, twoDays, twoRows, sameDay).from(SALES).orderBy(SALES.id).fetch();
        assertThat(rows).extracting(r -> r.get(upToDay)).containsExactly(30, 30, 35, 42, 42, 42);
        assertThat(rows).extracting(r -> r.get(upToRow)).containsExactly(10, 30, 35, 36, 38, 42);
        assertThat(rows).extracting(r -> r.get(twoDays)).containsExactly(30, 30, 35, 12, 12, 12);
        assertThat(rows).extracting(r -> r.get(twoRows)).containsExactly(10, 30, 25, 6, 3, 6);
        assertThat(rows).extracting(r -> r.get(sameDay)).containsExactly(30, 30, 5, 7, 7, 7);
        assertThat(db.select(upToDay).from(SALES).toSql())
                .contains("order by \"sales\".\"day\" range between unbounded preceding and current row");
    }

    @Test
    void aggregateFilter(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Expression<Long> anns = filter(count(), eq(TASKS.userId, 1)).as("anns");
        Expression<Long> all = count().as("all");
        Expression<Integer> bobsIds = filter(sum(TASKS.id), eq(TASKS.userId, 2)).as("bobs");
        Row row = db.select(anns, all, bobsIds).from(TASKS).fetchOne();
        assertThat(row.get(anns)).isEqualTo(2L);
        assertThat(row.get(all)).isEqualTo(5L);
        assertThat(row.get(bobsIds)).isEqualTo(6);
        // A filtered aggregate as a window function: tasks of user 1 so far.
        Expression<Long> soFar = over(filter(count(), eq(TASKS.userId, 1)), window().orderBy(TASKS.id)).as("so_far");
        assertThat(db.select(soFar).from(TASKS).orderBy(TASKS.id).fetchValues()).containsExactly(1L, 1L, 2L, 2L, 2L);
    }
}
