package dev.sleet.sql;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Records as insert values and update sets: shaped like the records Rows.java holds. */
@ExtendWith(PostgresExtension.class)
class RecordValuesTest {

    record User(Integer id, String username, String name, String avatar, Integer importance) {
    }

    record NewUser(Given<Integer> id, String username, Given<String> name, Given<String> avatar, Given<Integer> importance) {
    }

    record UserPatch(Given<String> name, Given<String> avatar) {
    }

    record Stray(String username, String nickname) {
    }

    record WrongType(Integer username) {
    }

    @Test
    void absentTakesTheDefaultNullIsNullAndAValueIsWritten(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        pg.execute("ALTER TABLE users ALTER COLUMN avatar SET DEFAULT 'default.png'; ALTER TABLE users ALTER COLUMN importance SET DEFAULT 5");
        db.insert(USERS).values(new NewUser(Given.absent(), "dee", Given.of("Dee"), Given.absent(), Given.ofNull())).execute();
        // Several records in one statement, leaving different columns absent: DEFAULT where absent.
        db.insert(USERS).values(List.of(
                new NewUser(Given.absent(), "eve", Given.absent(), Given.of(null), Given.of(9)),
                new NewUser(Given.of(100), "fay", Given.of("Fay"), Given.of("f.png"), Given.absent()))).execute();

        List<User> users = db.select(USERS.id, USERS.username, USERS.name, USERS.avatar, USERS.importance).from(USERS)
                .where(Sql.inArray(USERS.username, List.of("dee", "eve", "fay"))).orderBy(USERS.username).fetch(User.class);
        assertThat(users).containsExactly(
                new User(4, "dee", "Dee", "default.png", null),
                new User(5, "eve", null, null, 9),
                new User(100, "fay", "Fay", "f.png", 5));

        // The selected record inserts as it is, every component given.
        db.insert(USERS).values(new User(101, "gus", null, null, null)).execute();
        assertThat(db.select(USERS.id, USERS.username, USERS.name, USERS.avatar, USERS.importance).from(USERS)
                .where(eq(USERS.id, 101)).fetchOne(User.class)).isEqualTo(new User(101, "gus", null, null, null));
    }

    @Test
    void aPatchSetsWhatItGivesAndLeavesTheRest(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        int changed = db.update(USERS).set(new UserPatch(Given.absent(), Given.of("new.png"))).where(eq(USERS.id, 2)).execute();
        assertThat(changed).isEqualTo(1);
        db.update(USERS).set(new UserPatch(Given.ofNull(), Given.absent())).where(eq(USERS.id, 2)).execute();
        assertThat(db.select(USERS.name, USERS.avatar).from(USERS).where(eq(USERS.id, 2)).fetchOne().values())
                .containsExactly(null, "new.png");
        assertThatThrownBy(() -> db.update(USERS).set(new UserPatch(Given.absent(), Given.absent())).execute())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sets no column");
    }

    @Test
    void aComponentThatFitsNoColumnIsNamed(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        assertThatThrownBy(() -> db.insert(USERS).values(new Stray("x", "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Record Stray: component 'nickname' fits no column of");
        assertThatThrownBy(() -> db.insert(USERS).values(new WrongType(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'username' is Integer but column").hasMessageContaining("takes String");
        assertThatThrownBy(() -> db.insert(USERS).values(new NewUser(null, "x", Given.absent(), Given.absent(), Given.absent())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("component 'id' is null; leave the column out");
        // Checked once per class: the same class fails the same way again.
        assertThatThrownBy(() -> db.insert(USERS).values(new Stray("x", "y"))).hasMessageContaining("'nickname'");
    }

    @Test
    void componentNamesForNamesJavaDoesNotAllow() {
        assertThat(RecordValues.componentName("epic_id")).isEqualTo("epicId");
        assertThat(RecordValues.componentName("class")).isEqualTo("class_");
        assertThat(RecordValues.componentName("hash_code")).isEqualTo("hashCode_");
        assertThat(RecordValues.componentName("of")).isEqualTo("of_");
        assertThat(RecordValues.componentName("1st")).isEqualTo("_1st_");
        assertThat(RecordValues.componentName("a-b c")).isEqualTo("aBC");
        assertThat(RecordValues.componentName("näme€")).isEqualTo("näme€");
        // Found by the codegen property test: "_" alone is a keyword, and the Rows.java written did not compile.
        assertThat(RecordValues.componentName("_")).isEqualTo("column_");
        assertThat(RecordValues.componentName("-")).isEqualTo("column_");
        assertThat(RecordMapping.matches("column_", "_")).isTrue();
        assertThat(RecordMapping.matches("class_", "class")).isTrue();
        assertThat(RecordMapping.matches("class_", "klass")).isFalse();
    }
}
