package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.schema.Comment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the comments ({@code pg_description}) on the objects that keep none in their own snapshot:
 * schemas, indexes, sequences, types, domains, collations, text search objects, and triggers,
 * constraints and policies. Only those on objects the snapshot holds are kept (see
 * {@link CommentSnapshot#keptOn}): the comment on an extension's object, or on a sequence a serial column owns,
 * is not Sleet's to carry. The {@code public} schema's comment is read as pg_dump reads it: nothing where it
 * is the one PostgreSQL gives it, an empty comment where it has none (see {@link CommentSnapshot#PUBLIC_DEFAULT}).
 */
final class PostgresComments {

    private static final String QUERY = """
            SELECT kind, schema, relation, name, description FROM (
              SELECT 'SCHEMA' AS kind, n.nspname AS schema, NULL::name AS relation, n.nspname AS name,
                     coalesce(d.description, '') AS description
                FROM pg_namespace n LEFT JOIN pg_description d ON d.classoid = 'pg_namespace'::regclass AND d.objoid = n.oid
               WHERE CASE WHEN n.nspname = '%1$s' THEN d.description IS DISTINCT FROM '%2$s' ELSE d.description IS NOT NULL END
              UNION ALL
              SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'INDEX' END, n.nspname, NULL, c.relname, d.description
                FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = 0
                JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relkind IN ('i', 'I', 'S')
              UNION ALL
              SELECT CASE WHEN t.typtype = 'd' THEN 'DOMAIN' ELSE 'TYPE' END, n.nspname, NULL, t.typname, d.description
                FROM pg_description d JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
                JOIN pg_namespace n ON n.oid = t.typnamespace
               WHERE t.typtype IN ('e', 'c', 'r', 'd')
              UNION ALL
              SELECT 'COLLATION', n.nspname, NULL, c.collname, d.description
                FROM pg_description d JOIN pg_collation c ON d.classoid = 'pg_collation'::regclass AND d.objoid = c.oid
                JOIN pg_namespace n ON n.oid = c.collnamespace
              UNION ALL
              SELECT 'TEXT_SEARCH_CONFIGURATION', n.nspname, NULL, c.cfgname, d.description
                FROM pg_description d JOIN pg_ts_config c ON d.classoid = 'pg_ts_config'::regclass AND d.objoid = c.oid
                JOIN pg_namespace n ON n.oid = c.cfgnamespace
              UNION ALL
              SELECT 'TEXT_SEARCH_DICTIONARY', n.nspname, NULL, c.dictname, d.description
                FROM pg_description d JOIN pg_ts_dict c ON d.classoid = 'pg_ts_dict'::regclass AND d.objoid = c.oid
                JOIN pg_namespace n ON n.oid = c.dictnamespace
              UNION ALL
              SELECT 'TRIGGER', n.nspname, c.relname, t.tgname, d.description
                FROM pg_description d JOIN pg_trigger t ON d.classoid = 'pg_trigger'::regclass AND d.objoid = t.oid
                JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              UNION ALL
              SELECT 'CONSTRAINT', n.nspname, c.relname, k.conname, d.description
                FROM pg_description d JOIN pg_constraint k ON d.classoid = 'pg_constraint'::regclass AND d.objoid = k.oid
                JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              UNION ALL
              SELECT 'DOMAIN_CONSTRAINT', n.nspname, t.typname, k.conname, d.description
                FROM pg_description d JOIN pg_constraint k ON d.classoid = 'pg_constraint'::regclass AND d.objoid = k.oid
                JOIN pg_type t ON t.oid = k.contypid JOIN pg_namespace n ON n.oid = t.typnamespace
              UNION ALL
              SELECT 'POLICY', n.nspname, c.relname, p.polname, d.description
                FROM pg_description d JOIN pg_policy p ON d.classoid = 'pg_policy'::regclass AND d.objoid = p.oid
                JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            ) comments
            WHERE schema = ANY (?) AND (description <> '' OR kind = 'SCHEMA' AND name = '%1$s')
            """.formatted(CommentSnapshot.PUBLIC, CommentSnapshot.PUBLIC_DEFAULT);

    private PostgresComments() {}

    /** Every comment of the chosen schemas' objects of those kinds. */
    static List<CommentSnapshot> read(Connection connection, List<String> schemas) throws SQLException {
        List<CommentSnapshot> comments = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(QUERY)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    comments.add(new CommentSnapshot(Comment.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return comments;
    }
}
