package dev.sleet.sql;

import org.junit.jupiter.api.Test;

import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rendering reuses a per-thread buffer and earlier texts: a failed or nested render must not leak into the next. */
class RenderBufferTest {

    // Rendering needs no connection: the URL is never opened.
    private final Database db = Database.connect("jdbc:postgresql://127.0.0.1:5432/sleet_perf8_never_opened");

    @Test
    void aRenderThatFailsHalfwayLeavesNothingForTheNext() {
        assertThatThrownBy(() -> db.select().toSql()).isInstanceOf(IllegalStateException.class);
        assertThat(db.select(TASKS.name).from(TASKS).where(eq(TASKS.id, 1)).toSql())
                .isEqualTo("select \"tasks\".\"name\" from \"public\".\"tasks\" where \"tasks\".\"id\" = ?");
    }

    @Test
    void aRenderInsideARenderGetsABufferOfItsOwn() {
        // Selecting every column of a CTE over an insert without returning fails while the outer statement is
        // half written, and its message renders the insert on the same thread.
        Cte inserted = Cte.of("c", db.insert(USERS).values(r -> r.set(USERS.username, "ann")));
        assertThatThrownBy(() -> db.with(inserted).select().from(inserted).toSql())
                .hasMessage("This statement returns no rows to select from: insert into \"public\".\"users\" (\"username\") values (?)");
        assertThat(db.select(USERS.id).from(USERS).toSql()).isEqualTo("select \"users\".\"id\" from \"public\".\"users\"");
    }

    @Test
    void theSameTextIsTheSameStringAndOtherTextsAreTheirOwn() {
        Statement first = db.select(TASKS.name).from(TASKS).where(eq(TASKS.id, 1)).statement();
        Statement second = db.select(TASKS.name).from(TASKS).where(eq(TASKS.id, 2)).statement();
        Statement other = db.select(TASKS.name).from(TASKS).where(eq(TASKS.userId, 2)).statement();
        assertThat(second.sql()).isSameAs(first.sql());
        assertThat(second.valueList()).containsExactly(2);
        assertThat(other.sql()).endsWith("where \"tasks\".\"user_id\" = ?");
    }
}
