package dev.sleet.bench.query;

import dev.sleet.sql.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What {@link QueryBench} and {@link ExecutionBench} share so the four libraries are compared fairly:
 * one connection with the same driver settings, each library wrapped around it, the events table
 * emptied after every iteration, and the same walk over task ids.
 */
@State(Scope.Thread)
public abstract class LibraryBench {

    @Param({"sleet", "jdbc", "jooq", "jdbi"})
    public String library;

    protected Connection connection;
    protected Database sleet;
    protected DSLContext jooq;
    protected Handle jdbi;
    private int next;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        connection = DriverManager.getConnection(QueryBench.url(), QueryBench.driverSettings());
        sleet = Database.connect(QueryBench.singleConnection(connection));
        jooq = DSL.using(connection, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
        jdbi = Jdbi.create(connection).open();
        prepare();
    }

    /** Per-benchmark work once the libraries are open; one hook rather than a second @Setup so the order is certain. */
    protected void prepare() {
    }

    @TearDown(Level.Iteration)
    public void emptyEvents() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE events");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        jdbi.close();
        connection.close();
    }

    /** The next task id of a window of {@code span} ids that stays inside the 10,000 tasks. */
    protected int nextId(int span) {
        next = next % (10_000 - span) + 1;
        return next;
    }
}
