package dev.sleet.kit.tasks;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.DbCredentials;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.push.DataLoss;
import dev.sleet.kit.push.DataLossCheck;
import dev.sleet.kit.push.LiveNames;
import dev.sleet.kit.rename.RenameDecisions;
import dev.sleet.kit.rename.RenameInput;
import dev.sleet.kit.snapshot.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code sleet push}: make the database match the schema code directly, without a migration file.
 * Introspects, settles renames, diffs live → code, prints the SQL, counts the rows each risky change
 * touches, and applies everything in one transaction — after confirmation on a terminal or with
 * {@code --force} when data would be lost (or always, with {@code --strict}). Without a terminal
 * and without {@code --force} a risky push is refused and nothing changes.
 */
public final class Push {

    /** Asks a person a yes/no question. */
    @FunctionalInterface
    public interface Confirmation {
        boolean confirm(String question);
    }

    /**
     * @param force    apply without asking, even when data is lost
     * @param strict   ask before applying even when no data is lost
     * @param verbose  print each statement as it runs
     * @param renames  rename answers
     * @param confirm  asks a person; null when there is no terminal
     */
    public record Options(boolean force, boolean strict, boolean verbose, RenameInput renames, Confirmation confirm) {
        public Options {
            renames = renames == null ? RenameInput.NONE : renames;
        }
    }

    /** What push planned, what it found risky and whether it applied the plan. */
    public record Result(List<String> statements, List<DataLoss> dataLoss, boolean applied) {}

    private Push() {}

    public static Result run(SleetConfig config, Options options, Output out) {
        Dialect dialect = Dialect.forName(config.dialect());
        CodeSchema code = CodeSchema.load(config, dialect);
        DbCredentials credentials = config.requireDbCredentials();
        try (Connection connection = credentials.connect()) {
            Introspection introspection = dialect.introspect(connection, new IntrospectOptions(
                    config.schemaFilter(), config.migrationsSchema(), config.migrationsTable()), code.snapshot());
            introspection.warnings().forEach(out::warn);
            introspection.unmanaged().warn(out, "push neither creates, changes nor drops them");
            Snapshot live = introspection.snapshot();
            Renames renames = RenameDecisions.decide(live, code.snapshot(), options.renames(), code.declared(), out,
                    "nothing was changed").renames();
            List<Change> changes = Differ.diff(live, code.snapshot(), renames);
            if (changes.isEmpty()) {
                out.info("No changes: " + credentials.describe() + " already matches the schema code ("
                        + live.tables().size() + " tables)");
                return new Result(List.of(), List.of(), false);
            }
            List<DataLoss> losses = DataLossCheck.forDialect(dialect.name())
                    .check(connection, live, changes, new LiveNames(renames));
            // A type change whose lost values were counted is confirmed with them and made without its
            // guard; the others keep theirs, in case rows change between the count and the push.
            Set<String> lossyTypes = losses.stream().filter(DataLoss::typeChange).map(DataLoss::subject).collect(Collectors.toSet());
            List<String> statements = dialect.sql(changes.stream()
                    .map(c -> c instanceof Change.ColumnConversion a && lossyTypes.contains(a.subject()) ? a.withLossAccepted() : c)
                    .toList());
            out.info("Push plan for " + credentials.describe() + " (" + statements.size() + " statement"
                    + (statements.size() == 1 ? "" : "s") + ", one transaction):");
            for (String statement : statements) {
                out.info("  " + statement.replace("\n", "\n  "));
            }
            for (DataLoss loss : losses) {
                out.warn("data loss: this " + loss.message());
            }
            if (!losses.isEmpty() || options.strict()) {
                if (!options.force()) {
                    String why = losses.isEmpty() ? "--strict asks before every push"
                            : losses.size() == 1 ? "1 change loses data (see the warning above)"
                            : losses.size() + " changes lose data (see the warnings above)";
                    if (options.confirm() == null) {
                        throw new SleetException("Refusing to push without confirmation: " + why
                                + ", and there is no terminal to confirm on. Nothing was changed. "
                                + "Run it on a terminal to confirm, or pass --force to apply anyway.");
                    }
                    if (!options.confirm().confirm("Apply these " + statements.size() + " statements to "
                            + credentials.describe() + (losses.isEmpty() ? "?" : ", losing the data above?"))) {
                        out.info("Push cancelled; nothing was changed");
                        return new Result(statements, losses, false);
                    }
                } else if (!losses.isEmpty()) {
                    out.info("--force: applying despite the data loss above");
                }
            }
            apply(connection, statements, options.verbose(), credentials, out);
            out.info("Pushed " + statements.size() + " statement" + (statements.size() == 1 ? "" : "s")
                    + " to " + credentials.describe() + " in one transaction");
            return new Result(statements, losses, true);
        } catch (SQLException e) {
            throw credentials.failure("push to", e);
        }
    }

    /** All statements in one transaction: PostgreSQL's DDL is transactional, so a failure changes nothing. */
    private static void apply(Connection connection, List<String> statements, boolean verbose, DbCredentials credentials,
                              Output out) throws SQLException {
        connection.setAutoCommit(false);
        int index = 0;
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            for (String statement : statements) {
                index++;
                if (verbose) {
                    out.info("[" + index + "/" + statements.size() + "] " + statement);
                }
                st.execute(statement);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SleetException("Push failed at statement " + index + " of " + statements.size() + ":\n  "
                    + (index == 0 ? "" : statements.get(index - 1).replace("\n", " ")) + "\nDatabase error: " + credentials.secrets().mask(e.getMessage())
                    + "\nThe transaction was rolled back: nothing was changed.", e);
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
