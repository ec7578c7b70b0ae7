package dev.sleet.kit.tasks;

import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.snapshot.Snapshot;

import java.util.List;

/** {@code sleet export}: the whole schema from code as SQL, as if for an empty database. */
public final class Export {

    private Export() {}

    /** The statements, each ending with a semicolon, separated by blank lines; empty for an empty schema. */
    public static String run(SleetConfig config) {
        Dialect dialect = Dialect.forName(config.dialect());
        Snapshot code = CodeSchema.load(config, dialect).snapshot();
        List<String> statements = dialect.sql(Differ.diff(Snapshot.empty(dialect.name()), code));
        return statements.isEmpty() ? "" : String.join("\n\n", statements) + "\n";
    }
}
