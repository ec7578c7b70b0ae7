package dev.sleet.sql;

import dev.sleet.dialect.ErrorKind;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.sleet.sql.Jira.TAGS;
import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class ModifyTest {

    record NewUser(String username, String name) {
    }

    record Tag(int id, String name) {
    }

    @Test
    void insertOneAndManyWithDefaultsAndReturning(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        int id = db.insert(USERS).values(r -> r.set(USERS.username, "dee").setNull(USERS.avatar))
                .returning(USERS.id).fetchValue();
        assertThat(id).isEqualTo(4);

        List<NewUser> people = List.of(new NewUser("eve", "Eve"), new NewUser("fay", null));
        List<Row> inserted = db.insert(USERS)
                .values(people, (row, user) -> row.set(USERS.username, user.username()).set(USERS.name, user.name()))
                .returning().fetch();
        assertThat(inserted).extracting(r -> r.get(USERS.id) + ":" + r.get(USERS.username) + ":" + r.get(USERS.name))
                .containsExactly("5:eve:Eve", "6:fay:null");

        // A row that does not set a column gets DEFAULT there, another row's explicit null stays NULL.
        pg.execute("ALTER TABLE users ALTER COLUMN avatar SET DEFAULT 'default.png'");
        db.insert(USERS).values(r -> r.set(USERS.username, "gus"))
                .values(r -> r.set(USERS.username, "hal").setNull(USERS.avatar))
                .values(r -> r.set(USERS.username, "ivy").setDefault(USERS.avatar)).execute();
        assertThat(db.select(USERS.avatar).from(USERS).where(inArray(USERS.username, List.of("gus", "hal", "ivy")))
                .orderBy(USERS.username).fetchValues()).containsExactly("default.png", null, "default.png");

        assertThat(db.insert(TAGS).values(r -> {}).returning(TAGS.name).fetchValue()).isNull();
    }

    @Test
    void upserts(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        int untouched = db.insert(TAGS).values(r -> r.set(TAGS.name, "urgent")).onConflictDoNothing().execute();
        assertThat(untouched).isZero();
        assertThat(db.insert(TAGS).values(r -> r.set(TAGS.name, "urgent")).values(r -> r.set(TAGS.name, "new"))
                .onConflictDoNothing(target(TAGS.name)).returning(TAGS.name).fetchValues()).containsExactly("new");

        // do update with excluded values, by columns and by constraint name.
        List<Tag> updated = db.insert(TAGS).values(r -> r.set(TAGS.id, 1).set(TAGS.name, "URGENT"))
                .onConflictDoUpdate(target(TAGS.id), set -> set.set(TAGS.name, concat(excluded(TAGS.name), value("!"))))
                .returning().fetch(Tag.class);
        assertThat(updated).containsExactly(new Tag(1, "URGENT!"));
        db.insert(TAGS).values(r -> r.set(TAGS.name, "ui"))
                .onConflictDoUpdate(onConstraint("tags_name_key"), set -> set.set(TAGS.name, "ui-renamed")).execute();
        assertThat(db.select(TAGS.name).from(TAGS).where(eq(TAGS.id, 3)).fetchValue()).isEqualTo("ui-renamed");

        // The where of do update keeps rows it rejects.
        int changed = db.insert(TAGS).values(r -> r.set(TAGS.id, 2).set(TAGS.name, "x"))
                .onConflictDoUpdate(target(TAGS.id), set -> set.set(TAGS.name, excluded(TAGS.name)), eq(TAGS.name, "nope"))
                .execute();
        assertThat(changed).isZero();
        assertThat(db.select(TAGS.name).from(TAGS).where(eq(TAGS.id, 2)).fetchValue()).isEqualTo("backend");
    }

    @Test
    void updateWithSetFromAndReturning(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        List<Integer> bumped = db.update(USERS).set(USERS.importance, add(coalesce(USERS.importance, 0), 1))
                .setNull(USERS.avatar).where(isNotNull(USERS.username)).returning(USERS.importance).fetchValues();
        assertThat(bumped).containsExactlyInAnyOrder(4, 2, 1);

        // update ... from: rename the tasks of user bob.
        int renamed = db.update(TASKS).set(TASKS.name, concat(TASKS.name, value(" (bob)"))).from(USERS)
                .where(and(eq(TASKS.userId, USERS.id), eq(USERS.username, "bob"))).execute();
        assertThat(renamed).isEqualTo(2);
        assertThat(db.select(TASKS.name).from(TASKS).where(eq(TASKS.id, 2)).fetchValue()).isEqualTo("Fix login (bob)");

        assertThat(db.update(TASKS).setNull(TASKS.userId).setDefault(TASKS.name).where(eq(TASKS.id, 1))
                .returning(TASKS.id, TASKS.name, TASKS.userId).fetchOne().values()).containsExactly(1, null, null);
        assertThatThrownBy(() -> db.update(TASKS).execute()).hasMessageContaining("sets no column");
    }

    @Test
    void deleteWithReturning(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        db.execute(sql("delete from {}", Jira.TASKS_TAGS));
        List<String> gone = db.delete(TASKS).where(isNull(TASKS.userId)).returning(TASKS.name).fetchValues();
        assertThat(gone).containsExactly("Orphan");
        assertThat(db.delete(TASKS).where(eq(TASKS.userId, 1)).execute()).isEqualTo(2);
        assertThat(db.delete(TASKS).execute()).isEqualTo(2);
        assertThat(db.select(count()).from(TASKS).fetchValue()).isZero();
        assertThatThrownBy(() -> db.delete(TASKS).fetch()).hasMessageContaining("add .returning(...)");
    }

    @Test
    void constraintViolationsAreTold(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        pg.execute("ALTER TABLE users ADD CONSTRAINT users_username_key UNIQUE (username);"
                + "ALTER TABLE users ADD CONSTRAINT importance_positive CHECK (importance > 0);"
                + "ALTER TABLE users ALTER COLUMN name SET NOT NULL");
        DataAccessException unique = catchFailure(() -> db.insert(USERS)
                .values(r -> r.set(USERS.username, "ann").set(USERS.name, "secret value")).execute());
        assertThat(unique.kind()).isEqualTo(ErrorKind.UNIQUE_VIOLATION);
        assertThat(unique.sqlState()).isEqualTo("23505");
        assertThat(unique.sql()).startsWith("insert into \"public\".\"users\"");
        assertThat(unique.getMessage()).contains("users_username_key").doesNotContain("ann").doesNotContain("secret");
        assertThat(unique.values()).isEmpty();

        assertThat(catchFailure(() -> db.insert(TASKS).values(r -> r.set(TASKS.userId, 99)).execute()).kind())
                .isEqualTo(ErrorKind.FOREIGN_KEY_VIOLATION);
        assertThat(catchFailure(() -> db.update(USERS).set(USERS.name, (String) null).execute()).kind())
                .isEqualTo(ErrorKind.NOT_NULL_VIOLATION);
        assertThat(catchFailure(() -> db.update(USERS).set(USERS.importance, -1).execute()).kind())
                .isEqualTo(ErrorKind.CHECK_VIOLATION);

        Database verbose = db.withValuesInErrors(true);
        DataAccessException withValues = catchFailure(() -> verbose.insert(USERS)
                .values(r -> r.set(USERS.username, "ann").set(USERS.name, "secret value")).execute());
        assertThat(withValues.values()).hasValueSatisfying(v -> assertThat(v).containsExactly("ann", "secret value"));
        assertThat(withValues.getMessage()).contains("secret value");
    }

    private static DataAccessException catchFailure(Runnable statement) {
        try {
            statement.run();
        } catch (DataAccessException e) {
            return e;
        }
        throw new AssertionError("the statement did not fail");
    }
}
