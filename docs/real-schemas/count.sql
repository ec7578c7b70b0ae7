-- Counts what a database holds, for the table in README.md: objects in user schemas, leaving out those
-- that belong to an extension (pg_depend deptype e) and, for functions and casts, those PostgreSQL makes
-- itself (deptype i, e.g. a range type's constructors). Run: psql -X -d DB -f count.sql
\pset footer off
\pset format unaligned
\pset fieldsep '\t'
WITH ext AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e'),
auto AS (SELECT classid, objid FROM pg_depend WHERE deptype IN ('e','i')),
ns AS (SELECT oid, nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog','information_schema','pg_toast') AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'),
rel AS (SELECT c.* FROM pg_class c JOIN ns ON ns.oid = c.relnamespace WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid='pg_class'::regclass AND ext.objid=c.oid)),
pro AS (SELECT p.*, l.lanname FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang WHERE NOT EXISTS (SELECT 1 FROM auto WHERE auto.classid='pg_proc'::regclass AND auto.objid=p.oid)),
typ AS (SELECT t.* FROM pg_type t JOIN ns ON ns.oid = t.typnamespace WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid='pg_type'::regclass AND ext.objid=t.oid)),
con AS (SELECT k.* FROM pg_constraint k JOIN ns ON ns.oid = k.connamespace WHERE k.conrelid <> 0)
SELECT 'schemas', count(*)::text FROM ns WHERE nspname <> 'public' OR EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = ns.oid)
UNION ALL SELECT 'tables (plain, not partitions)', count(*)::text FROM rel WHERE relkind = 'r' AND NOT relispartition
UNION ALL SELECT 'partitioned tables', count(*)::text || coalesce(' (' || (SELECT string_agg(s || ' ' || n, ', ' ORDER BY s) FROM (SELECT CASE partstrat WHEN 'r' THEN 'range' WHEN 'l' THEN 'list' ELSE 'hash' END s, count(*) n FROM pg_partitioned_table pt JOIN rel ON rel.oid = pt.partrelid GROUP BY 1) x) || ')', '') FROM rel WHERE relkind = 'p'
UNION ALL SELECT 'partitions (default)', count(*)::text || ' (' || count(*) FILTER (WHERE pg_get_expr(relpartbound, oid) = 'DEFAULT') || ')' FROM rel WHERE relispartition AND relkind IN ('r','p')
UNION ALL SELECT 'inheritance children (not partitions)', count(*)::text FROM pg_inherits i JOIN rel ON rel.oid = i.inhrelid WHERE NOT rel.relispartition AND rel.relkind = 'r'
UNION ALL SELECT 'views', count(*)::text FROM rel WHERE relkind = 'v'
UNION ALL SELECT 'views using own functions', count(DISTINCT r.ev_class)::text FROM pg_rewrite r JOIN rel ON rel.oid = r.ev_class AND rel.relkind IN ('v','m') JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_proc'::regclass JOIN pro ON pro.oid = d.refobjid
UNION ALL SELECT 'materialized views (indexes on them)', count(*)::text || ' (' || (SELECT count(*) FROM pg_index i JOIN rel m ON m.oid = i.indrelid AND m.relkind = 'm') || ')' FROM rel WHERE relkind = 'm'
UNION ALL SELECT 'indexes', count(*)::text FROM rel WHERE relkind IN ('i','I')
UNION ALL SELECT 'sequences', count(*)::text FROM rel WHERE relkind = 'S'
UNION ALL SELECT 'foreign tables', count(*)::text FROM rel WHERE relkind = 'f'
UNION ALL SELECT 'functions (plpgsql/sql/other)', count(*)::text || ' (' || count(*) FILTER (WHERE lanname='plpgsql') || '/' || count(*) FILTER (WHERE lanname='sql') || '/' || count(*) FILTER (WHERE lanname NOT IN ('plpgsql','sql')) || ')' FROM pro WHERE prokind = 'f'
UNION ALL SELECT 'procedures', count(*)::text FROM pro WHERE prokind = 'p'
UNION ALL SELECT 'aggregates', count(*)::text FROM pro WHERE prokind = 'a'
UNION ALL SELECT 'triggers (constraint triggers; cloned onto partitions)', count(*) FILTER (WHERE tgparentid = 0)::text || ' (' || count(*) FILTER (WHERE tgconstraint <> 0 AND tgparentid = 0) || '; ' || count(*) FILTER (WHERE tgparentid <> 0) || ')' FROM pg_trigger t JOIN rel ON rel.oid = t.tgrelid WHERE NOT t.tgisinternal
UNION ALL SELECT 'event triggers', count(*)::text FROM pg_event_trigger
UNION ALL SELECT 'domains', count(*)::text FROM typ WHERE typtype = 'd'
UNION ALL SELECT 'enums', count(*)::text FROM typ WHERE typtype = 'e'
UNION ALL SELECT 'composite types', count(*)::text FROM typ t WHERE typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')
UNION ALL SELECT 'collations', count(*)::text FROM pg_collation c JOIN ns ON ns.oid = c.collnamespace WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid='pg_collation'::regclass AND ext.objid=c.oid)
UNION ALL SELECT 'columns with non-default COLLATE', count(*)::text FROM pg_attribute a JOIN rel ON rel.oid = a.attrelid AND rel.relkind IN ('r','p','f') JOIN pg_type ty ON ty.oid = a.atttypid WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attcollation <> 0 AND a.attcollation <> ty.typcollation
UNION ALL SELECT 'text search configurations', count(*)::text FROM pg_ts_config c JOIN ns ON ns.oid = c.cfgnamespace WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid='pg_ts_config'::regclass AND ext.objid=c.oid)
UNION ALL SELECT 'text search dictionaries', count(*)::text FROM pg_ts_dict d JOIN ns ON ns.oid = d.dictnamespace WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid='pg_ts_dict'::regclass AND ext.objid=d.oid)
UNION ALL SELECT 'extensions', count(*)::text || coalesce(' (' || string_agg(extname, ', ' ORDER BY extname) || ')', '') FROM pg_extension WHERE extname <> 'plpgsql'
UNION ALL SELECT 'deferrable constraints (initially deferred)', count(*)::text || ' (' || count(*) FILTER (WHERE condeferred) || ')' FROM con WHERE condeferrable AND conparentid = 0
UNION ALL SELECT 'not-valid constraints', count(*)::text FROM con WHERE NOT convalidated AND conparentid = 0
UNION ALL SELECT 'constraints (check/fk/pk/unique/exclusion)', count(*)::text || ' (' || count(*) FILTER (WHERE contype='c') || '/' || count(*) FILTER (WHERE contype='f') || '/' || count(*) FILTER (WHERE contype='p') || '/' || count(*) FILTER (WHERE contype='u') || '/' || count(*) FILTER (WHERE contype='x') || ')' FROM con WHERE conparentid = 0 AND contype IN ('c','f','p','u','x')
UNION ALL SELECT 'rules', count(*)::text FROM pg_rewrite r JOIN rel ON rel.oid = r.ev_class WHERE r.rulename <> '_RETURN'
UNION ALL SELECT 'policies', count(*)::text FROM pg_policy p JOIN rel ON rel.oid = p.polrelid
UNION ALL SELECT 'casts (user)', count(*)::text FROM pg_cast c WHERE c.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM auto WHERE auto.classid='pg_cast'::regclass AND auto.objid=c.oid)
UNION ALL SELECT 'operators (user)', count(*)::text FROM pg_operator o JOIN ns ON ns.oid = o.oprnamespace WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid='pg_operator'::regclass AND ext.objid=o.oid)
UNION ALL SELECT 'schema names', string_agg(nspname, ', ' ORDER BY nspname) FROM ns WHERE nspname <> 'public' OR EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = ns.oid);
