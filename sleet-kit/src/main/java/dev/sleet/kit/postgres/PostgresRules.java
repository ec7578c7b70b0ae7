package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.RuleSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the rules on the tables and views the introspector reads. A view's {@code _RETURN} rule is
 * the view's own query, read with the view. Runs in the introspector's transaction, whose search
 * path ({@code public}) decides how {@code pg_get_ruledef} names relations.
 */
final class PostgresRules {

    private static final String RULES = """
            SELECT n.nspname, c.relname, r.rulename, pg_get_ruledef(r.oid), obj_description(r.oid, 'pg_rewrite'), r.ev_enabled
              FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE r.rulename <> '_RETURN' AND n.nspname = ANY (?)
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                  AND d.deptype = 'e')
             ORDER BY n.nspname, c.relname, r.rulename
            """;

    private PostgresRules() {}

    /**
     * @param relations the keys of the tables and views read: a rule on another relation is left out, and said
     * @param warnings  where what cannot be kept is said
     */
    static SortedMap<String, RuleSnapshot> read(Connection connection, List<String> schemas, Set<String> relations,
                                                List<String> warnings) throws SQLException {
        SortedMap<String, RuleSnapshot> rules = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(RULES)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    RuleSnapshot rule = new RuleSnapshot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(6), rs.getString(5));
                    if (!relations.contains(rule.relationKey())) {
                        warnings.add("Rule " + rule.name() + " on " + rule.relationKey() + " is on a relation Sleet does"
                                + " not read, which this version cannot declare; it was left out");
                        continue;
                    }
                    rules.put(rule.key(), rule);
                }
            }
        }
        return rules;
    }
}
