package dev.sleet.sql;

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
