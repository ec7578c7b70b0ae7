package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import static dev.sleet.sql.Jira.EPICS;
import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class RawAndHostileTest {

    static final List<String> HOSTILE = List.of("it's", "back\\slash", "a -- comment", "what?", "$1", "$$ dollar $$",
            "'; drop table users; --", "\"quoted\"", "Ünïcødé ✓ 日本語 🎉", "x".repeat(100_000), "", "{}", "?::text");

    /** A table whose every name needs quoting: quotes, spaces, capitals, reserved words. */
    static final class Weird extends Table<Weird> {
        final Column<Integer> select = integer("select");
        final Column<String> quoted = text("My \"Column\"");
        final Column<String> spaced = text("from where");

        Weird() {
            super("Odd Schema", "Weird \"Table\"");
        }
    }

    static final Weird WEIRD = new Weird();

    record TaskName(int id, String name) {
    }

    @Test
    void hostileValuesRoundTripAsValues(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        for (String value : HOSTILE) {
            int id = db.insert(EPICS).values(r -> r.set(EPICS.description, value)).returning(EPICS.id).fetchValue();
            assertThat(db.select(EPICS.description).from(EPICS).where(and(eq(EPICS.id, id), eq(EPICS.description, value)))
                    .fetchValue()).isEqualTo(value);
            assertThat(db.select(EPICS.id).from(EPICS).where(eq(EPICS.description, value)).fetchValues()).containsExactly(id);
            db.delete(EPICS).where(eq(EPICS.id, id)).execute();
            assertThat(db.fetch(sql("select {} as v", value)).get(0).get("v", String.class)).isEqualTo(value);
        }
        assertThat(db.select(count()).from(USERS).fetchValue()).isEqualTo(3L);
    }

    @Test
    void awkwardIdentifiersWork(TestDatabase pg) {
        pg.execute("CREATE SCHEMA \"Odd Schema\"; CREATE TABLE \"Odd Schema\".\"Weird \"\"Table\"\"\""
                + " (\"select\" int, \"My \"\"Column\"\"\" text, \"from where\" text)");
        Database db = Database.connect(pg.dataSource());
        db.insert(WEIRD).values(r -> r.set(WEIRD.select, 1).set(WEIRD.quoted, "q").set(WEIRD.spaced, "s")).execute();
        Weird alias = WEIRD.as("Order");
        Row row = db.select().from(alias).where(eq(alias.select, 1)).fetchOne();
        assertThat(row.values()).containsExactly(1, "q", "s");
        assertThat(db.update(WEIRD).set(WEIRD.spaced, "t").where(eq(WEIRD.select, 1)).returning(WEIRD.spaced).fetchValue())
                .isEqualTo("t");
        assertThat(db.fetch(sql("select count(*) as n from {} where {} = {}", WEIRD, WEIRD.quoted, "q")).get(0)
                .get("n", Long.class)).isEqualTo(1L);
        assertThat(db.fetch(sql("select {} from {}", identifier("from where"), WEIRD)).get(0).get(0, String.class))
                .isEqualTo("t");
    }

    @Test
    void rawSqlAsStatementAndExpression(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        assertThat(db.execute(sql("update {} set {} = {} where {} = {}", TASKS, identifier("name"), "renamed", TASKS.id, 1)))
                .isEqualTo(1);
        List<TaskName> named = db.fetch(sql("select id, name from {} where id <= {} order by id", TASKS, 2), TaskName.class);
        assertThat(named).containsExactly(new TaskName(1, "renamed"), new TaskName(2, "Fix login"));

        Expression<Integer> doubled = sql(Integer.class, "{} * 2", TASKS.id);
        assertThat(db.select(doubled).from(TASKS).where(sql(Boolean.class, "{} < {}", TASKS.id, 3)).orderBy(TASKS.id)
                .fetchValues()).containsExactly(2, 4);
        assertThat(db.select(sql(String.class, "('{{}}'::jsonb ??| array['a'])::text")).fetchValue()).isEqualTo("false");
        assertThat(db.select(TASKS.id).from(TASKS)
                .where(inArray(TASKS.id, db.select(sql(Integer.class, "max({})", TASKS.id)).from(TASKS))).fetchValues())
                .containsExactly(5);
        assertThatThrownBy(() -> sql("select {}", 1, 2)).hasMessageContaining("1 {} but 2 arguments");
    }

    @Test
    void statementsAreLoggedWithoutValuesUnlessAsked(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        List<String> lines = CapturingLoggers.capture(() -> {
            db.select(TASKS.id).from(TASKS).where(eq(TASKS.name, "secret")).fetch();
            db.withValuesInLogs(true).select(TASKS.id).from(TASKS).where(eq(TASKS.name, "visible")).fetch();
        });
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("where \"tasks\".\"name\" = ?").doesNotContain("secret");
        assertThat(lines.get(1)).contains("[visible]");
    }

    /** System.Logger's provider for this test run (registered in META-INF/services), recording dev.sleet.sql. */
    public static final class CapturingLoggers extends System.LoggerFinder {
        private static final ThreadLocal<List<String>> LINES = new ThreadLocal<>();

        static List<String> capture(Runnable work) {
            List<String> lines = new ArrayList<>();
            LINES.set(lines);
            try {
                work.run();
            } finally {
                LINES.remove();
            }
            return lines;
        }

        @Override
        public Logger getLogger(String name, Module module) {
            return new Logger() {
                @Override
                public String getName() {
                    return name;
                }

                @Override
                public boolean isLoggable(Level level) {
                    return LINES.get() != null;
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
                    if (LINES.get() != null) {
                        LINES.get().add(message);
                    }
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                    log(level, bundle, format, (Throwable) null);
                }
            };
        }
    }
}
