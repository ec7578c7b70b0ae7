package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.schema.SequenceOptions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequences that belong to a column: those of identity columns ({@code pg_depend} kind {@code i}) and those a
 * column owns ({@code OWNED BY}, kind {@code a}, as {@code serial} makes). A column is {@code serial} only when its
 * sequence is exactly the one {@code serial} would make: named {@code table_column_seq}, of the column's type, with
 * default options, and the column's default is {@code nextval} of it. Any other owned sequence (renamed, {@code AS
 * bigint} behind an integer column as PostgreSQL before 10 made them, {@code CACHE 20}, or not the column's default)
 * is read as a standalone sequence with its owner, and the column keeps its {@code nextval(...)} default, so that
 * the database is made again as it was. An identity sequence not named as PostgreSQL would name it keeps its name.
 */
final class PostgresOwnedSequences {

    private static final String QUERY = """
            SELECT sn.nspname, s.relname, format_type(q.seqtypid, NULL), q.seqincrement, q.seqmin, q.seqmax,
                   q.seqstart, q.seqcache, q.seqcycle,
                   t.relname, a.attname, d.deptype, pg_get_expr(ad.adbin, ad.adrelid), s.oid::regclass::text
              FROM pg_sequence q JOIN pg_class s ON s.oid = q.seqrelid
              JOIN pg_namespace sn ON sn.oid = s.relnamespace
              JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                   AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
              JOIN pg_class t ON t.oid = d.refobjid
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
              LEFT JOIN pg_attrdef ad ON ad.adrelid = t.oid AND ad.adnum = a.attnum
             WHERE sn.nspname = ANY (?)
             ORDER BY sn.nspname, s.relname
            """;

    private record Owned(SequenceSnapshot sequence, String table, String column, boolean identity, String columnDefault,
                         String regclass) {

        String tableKey() {
            return Snapshot.key(sequence.schema(), table);
        }

        /** Whether this is the sequence {@code serial} makes for {@code owner}, which is its default. */
        boolean isSerialOf(ColumnSnapshot owner) {
            return sequence.name().equals(PostgresNames.makeObjectName(table, column, "seq"))
                    && sequence.equals(SequenceSnapshot.of(sequence.schema(), sequence.name(), owner.type(), SequenceOptions.defaults()))
                    && ("nextval('" + regclass.replace("'", "''") + "'::regclass)").equals(columnDefault);
        }
    }

    private final List<Owned> owned;

    private PostgresOwnedSequences(List<Owned> owned) {
        this.owned = owned;
    }

    static PostgresOwnedSequences read(Connection connection, List<String> schemas) throws SQLException {
        List<Owned> owned = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(QUERY)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    SequenceSnapshot sequence = new SequenceSnapshot(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9));
                    owned.add(new Owned(sequence, rs.getString(10), rs.getString(11), rs.getString(12).equals("i"),
                            rs.getString(13), rs.getString(14)));
                }
            }
        }
        return new PostgresOwnedSequences(owned);
    }

    /**
     * The tables with identity sequence names and owned sequences applied; owned sequences that are not a serial
     * column's go into {@code sequences}. Sequences owned by a table that was not read are left out, as before.
     */
    Map<String, TableSnapshot> applyTo(Map<String, TableSnapshot> tables, Map<String, SequenceSnapshot> sequences) {
        Map<String, TableSnapshot> result = new LinkedHashMap<>(tables);
        for (Owned o : owned) {
            TableSnapshot table = result.get(o.tableKey());
            ColumnSnapshot column = table == null ? null : table.columns().get(o.column());
            if (column == null) {
                continue;
            }
            ColumnSnapshot changed = column;
            if (o.identity()) {
                if (column.identity() != null && !o.sequence().name().equals(PostgresNames.makeObjectName(o.table(), o.column(), "seq"))) {
                    changed = column.withIdentity(column.identity().withSequenceName(o.sequence().name()));
                }
            } else if (!(column.serial() && o.isSerialOf(column))) {
                if (column.serial()) {
                    changed = column.withSerial(false).withDefault(o.columnDefault());
                }
                SequenceSnapshot standalone = o.sequence().withOwnedBy(o.table() + "." + o.column());
                sequences.put(standalone.key(), standalone);
            }
            if (changed != column) {
                Map<String, ColumnSnapshot> columns = new LinkedHashMap<>(table.columns());
                columns.put(changed.name(), changed);
                result.put(table.key(), table.withParts(columns, table.primaryKey(), table.uniqueConstraints(),
                        table.foreignKeys(), table.indexes()));
            }
        }
        return result;
    }
}
