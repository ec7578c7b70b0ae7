package dev.sleet.sql;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.List;

import static dev.sleet.sql.Jira.TAGS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class TransactionTest {

    @Test
    void commitsAndReturnsItsResult(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        int id = db.transaction(tx -> {
            tx.insert(TAGS).values(r -> r.set(TAGS.name, "a")).execute();
            return tx.insert(TAGS).values(r -> r.set(TAGS.name, "b")).returning(TAGS.id).fetchValue();
        });
        assertThat(id).isEqualTo(5);
        assertThat(tagNames(db)).contains("a", "b");
    }

    @Test
    void rollsBackOnAnyException(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.insert(TAGS).values(r -> r.set(TAGS.name, "gone")).execute();
            throw new IOException("disk full");
        })).isInstanceOf(TransactionException.class).hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.insert(TAGS).values(r -> r.set(TAGS.name, "gone too")).execute();
            return tx.insert(TAGS).values(r -> r.set(TAGS.name, "urgent")).execute(); // unique violation
        })).isInstanceOf(DataAccessException.class);
        assertThat(tagNames(db)).doesNotContain("gone", "gone too");
    }

    @Test
    void nestedTransactionsAreSavepoints(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        db.transaction(tx -> {
            tx.insert(TAGS).values(r -> r.set(TAGS.name, "outer")).execute();
            assertThatThrownBy(() -> tx.transaction(inner -> {
                inner.insert(TAGS).values(r -> r.set(TAGS.name, "inner rolled back")).execute();
                throw new IllegalStateException("no");
            })).hasMessage("no");
            tx.transaction(inner -> inner.insert(TAGS).values(r -> r.set(TAGS.name, "inner kept")).execute());
            return null;
        });
        assertThat(tagNames(db)).contains("outer", "inner kept").doesNotContain("inner rolled back");
    }

    @Test
    void isolationAndReadOnly(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        String level = db.transaction(TransactionOptions.of(TransactionOptions.Isolation.SERIALIZABLE),
                tx -> tx.fetch(sql("show transaction_isolation")).get(0).get(0, String.class));
        assertThat(level).isEqualTo("serializable");
        DataAccessException readOnly = (DataAccessException) org.assertj.core.api.Assertions.catchThrowable(() ->
                db.transaction(TransactionOptions.DEFAULT.readOnly(),
                        tx -> tx.insert(TAGS).values(r -> r.set(TAGS.name, "x")).execute()));
        assertThat(readOnly.sqlState()).isEqualTo("25006");
        // The connection goes back to the pool as it came: read-write, default isolation.
        assertThat(db.fetch(sql("show transaction_isolation")).get(0).get(0, String.class)).isEqualTo("read committed");
    }

    @Test
    void aTransactionCannotBeUsedAfterItEnds(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Transaction escaped = db.transaction(tx -> tx);
        assertThatThrownBy(() -> escaped.select(TAGS.name).from(TAGS).fetch()).hasMessageContaining("has ended");
    }

    private static List<String> tagNames(Database db) {
        return db.select(TAGS.name).from(TAGS).fetchValues();
    }
}
