package dev.sleet.kit.codegen;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.codegen.fixtures.KitchenSink;
import dev.sleet.kit.fixtures.AllTypesSchema;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.kit.snapshot.TableSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static dev.sleet.kit.codegen.SnapshotBuilder.snapshot;
import static dev.sleet.kit.codegen.SnapshotBuilder.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaSchemaWriterTest {

    private static final JavaSchemaWriter WRITER = new JavaSchemaWriter(PostgresDialect.INSTANCE);

    @Test
    void schemaCodeUsingEveryTypeAndModifierRoundTrips(@TempDir Path dir) {
        Snapshot snapshot = CodeSnapshots.of(KitchenSink.tables(), PostgresDialect.INSTANCE);

        Generated generated = Generated.roundTrip(snapshot, "jira.schema", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
    }

    @Test
    void sharedAllTypesFixtureRoundTrips(@TempDir Path dir) {
        Snapshot snapshot = CodeSnapshots.of(AllTypesSchema.tables(), AllTypesSchema.objects(), PostgresDialect.INSTANCE);

        Generated generated = Generated.roundTrip(snapshot, "app.db", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
    }

    @Test
    void writesEnumTypesBeforeTheTablesAndEnumColumnsWithLabelsAsDefaults() {
        Snapshot snapshot = CodeSnapshots.of(AllTypesSchema.tables(), AllTypesSchema.objects(), PostgresDialect.INSTANCE);

        String schema = WRITER.write(snapshot, "app.db").schemaJava();

        assertThat(schema).contains(
                "public static final EnumType<String> MOOD = EnumType.of(\"mood\", \"happy\", \"sad\", \"meh\").inSchema(\"audit\");",
                "public static final EnumType<String> KIND = EnumType.of(\"Kind\", \"it's\", \"a b\", \"NULL\");",
                "public final Column<String> status = column(\"status\", STATUS).notNull().defaultValue(\"active\");",
                "public final Column<String[]> statuses = column(\"statuses\", STATUS).array()"
                        + ".defaultValue(new String[] {\"active\", \"banned\"});",
                "public final Column<String> mood = column(\"mood\", MOOD).defaultValue(\"meh\");");
        assertThat(schema.indexOf("EnumType<String> STATUS")).isLessThan(schema.indexOf("Accounts ACCOUNTS = new Accounts()"));
    }

    @Test
    void writesSequencesIdentityGeneratedColumnsChecksAndNullsNotDistinct() {
        Snapshot snapshot = CodeSnapshots.of(AllTypesSchema.tables(), AllTypesSchema.objects(), PostgresDialect.INSTANCE);

        String schema = WRITER.write(snapshot, "app.db").schemaJava();

        assertThat(schema).contains(
                "public static final Sequence INVOICE_NUMBERS = Sequence.of(\"invoice_numbers\").as(DataType.INTEGER)"
                        + ".options(s -> s.incrementBy(10).startWith(1000).cache(5));",
                "public static final Sequence COUNTDOWN = Sequence.of(\"countdown\").inSchema(\"audit\")"
                        + ".options(s -> s.incrementBy(-1).minValue(-100).cycle());",
                "public final Column<Integer> id = integer(\"id\").primaryKey().generatedAlwaysAsIdentity(s -> s.maxValue(999999).startWith(1000));",
                "public final Column<Short> entryNo = smallint(\"entry_no\").generatedByDefaultAsIdentity(s -> s.incrementBy(-1));",
                "public final Column<BigDecimal> gross = numeric(\"gross\", 10, 2).generatedAlwaysAs(\"(net * 1.2)\");",
                "public final Check invoicesNetCheck = check(\"invoices_net_check\", \"(net >= (0)::numeric)\");",
                "public final Constraint everythingBigKey = uniqueNullsNotDistinct(\"everything_big_key\", big);",
                "public final Column<Integer[]> sparse = integer(\"sparse\").array().defaultValue(new Integer[] {1, null, -3});",
                "public final Column<Long[]> bigs = bigint(\"bigs\").array().defaultSql(\"ARRAY[(1)::bigint, (2)::bigint]\");");
    }

    @Test
    void writesViewsAndComments() {
        Snapshot snapshot = CodeSnapshots.of(AllTypesSchema.tables(), AllTypesSchema.objects(), PostgresDialect.INSTANCE);

        String schema = WRITER.write(snapshot, "app.db").schemaJava();

        assertThat(schema).contains(
                "public static final View ACTIVE_ACCOUNTS = View.of(\"active_accounts\", \"SELECT accounts.id, accounts.email FROM accounts "
                        + "WHERE (accounts.status = 'active'::status)\").with(\"security_barrier\", \"true\").comment(\"Accounts that may log in\");",
                "public static final View ENTRIES = View.materialized(\"entries\", \"SELECT audit_log.account_id, count(*) AS entries "
                        + "FROM audit.audit_log GROUP BY audit_log.account_id\").inSchema(\"audit\").with(\"fillfactor\", \"70\");",
                ".comment(\"Where we write; it's unique\");",
                "super(\"accounts\");\n      comment(\"People and robots that log in\");");
    }

    @Test
    void rolesPoliciesAndRowLevelSecurityRoundTrip(@TempDir Path dir) {
        Snapshot snapshot = CodeSnapshots.of(AllTypesSchema.tables(), List.of(
                dev.sleet.schema.Role.of("app_user").login().noInherit().connectionLimit(5),
                dev.sleet.schema.Role.of("app_admin").createDb().createRole().bypassRls().replication()), PostgresDialect.INSTANCE);

        Generated generated = Generated.roundTrip(snapshot, "app.db", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
        assertThat(generated.sources.schemaJava()).contains(
                "public static final Role APP_USER = Role.of(\"app_user\").login().noInherit().connectionLimit(5);",
                "public static final Role APP_ADMIN = Role.of(\"app_admin\").createDb().createRole().bypassRls().replication();",
                "public final Policy accountsNoDeletes = policy(\"accounts_no_deletes\").restrictive()"
                        + ".forCommand(Policy.Command.DELETE).using(\"false\");",
                "public final Policy accountsInsertActive = policy(\"accounts_insert_active\").forCommand(Policy.Command.INSERT)"
                        + ".withCheck(\"(status <> 'banned'::status)\");",
                "enableRowLevelSecurity();\n      forceRowLevelSecurity();");
    }

    /** Indexes with every option the DSL has. */
    static final class Posts extends dev.sleet.schema.Table<Posts> {
        final dev.sleet.schema.Column<String> title = text("title");
        final dev.sleet.schema.Column<java.time.OffsetDateTime> created = timestamptz("created");
        final dev.sleet.schema.Column<Boolean> hidden = bool("hidden");
        final dev.sleet.schema.Index recent = index("posts_recent").on(created.desc().nullsLast(),
                dev.sleet.schema.IndexKey.expression("lower(title)"), dev.sleet.schema.IndexKey.of(title).opclass("text_pattern_ops"))
                .where("(NOT hidden)").with("fillfactor", "80").concurrently();
        final dev.sleet.schema.Index unique = uniqueIndex("posts_title").on(title).nullsNotDistinct()
                .using(dev.sleet.schema.IndexMethod.BTREE);

        Posts() {
            super("posts");
        }
    }

    @Test
    void indexesWithEveryOptionRoundTrip(@TempDir Path dir) {
        Snapshot snapshot = CodeSnapshots.of(List.of(new Posts()), PostgresDialect.INSTANCE);

        Generated generated = Generated.roundTrip(snapshot, "app.db", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
        assertThat(generated.sources.schemaJava()).contains(
                "public final Index postsRecent = index(\"posts_recent\").on(created.desc().nullsLast(), "
                        + "IndexKey.expression(\"lower(title)\"), title.asc().opclass(\"text_pattern_ops\"))"
                        + ".with(\"fillfactor\", \"80\").where(\"(NOT hidden)\").concurrently();",
                "public final Index postsTitle = uniqueIndex(\"posts_title\").on(title).nullsNotDistinct();");
    }

    @Test
    void writesModifiersWhereHandWrittenCodeWouldPutThem() {
        Snapshot snapshot = CodeSnapshots.of(KitchenSink.tables(), PostgresDialect.INSTANCE);

        String schema = WRITER.write(snapshot, "jira.schema").schemaJava();

        assertThat(schema).contains(
                // default-named single-column keys on the column, serial implying NOT NULL
                "public final Column<Integer> id = serial(\"id\").primaryKey();",
                "public final Column<String> email = varchar(\"email\", 320).notNull().unique();",
                "public final Column<String> handle = varchar(\"handle\", 40).unique(\"users_handle_uq\");",
                "public final Column<Integer> orgId = integer(\"org_id\").references(() -> ORGS.id);",
                "public final Column<Short> smallSerial = smallserial(\"small_serial\");",
                "public final Column<Integer> counter = serial(\"counter\");",
                // named or composite keys at table level
                "public final Constraint pk = primaryKey(\"orgs_pk\", id);",
                "public final Constraint pk = primaryKey(userId, orgId);",
                "public final Constraint orgsNameSlugKey = unique(\"orgs_name_slug_key\", name, slug);",
                "public final ForeignKey fkMembershipOrg = foreignKey(\"fk_membership_org\", orgId).references(() -> ORGS.id)"
                        + ".onDelete(ReferentialAction.RESTRICT).onUpdate(ReferentialAction.CASCADE);",
                "public final ForeignKey membershipsUserIdFkey = foreignKey(\"memberships_user_id_fkey\", userId)"
                        + ".references(() -> USERS.id).onDelete(ReferentialAction.CASCADE);",
                "foreignKey(\"audit_events_membership_fk\", userId, orgId).references(() -> MEMBERSHIPS.userId, () -> MEMBERSHIPS.orgId);",
                "public final Column<Integer> parentId = integer(\"parent_id\").references(() -> NODES.id);",
                // indexes
                "public final Index docsSlugTitleIdx = uniqueIndex(\"docs_slug_title_idx\").on(slug, title);",
                "public final Index docsTitleIdx = index(\"docs_title_idx\").on(title);",
                "public final Index docsBodyGin = index(\"docs_body_gin\").on(body).using(IndexMethod.GIN);",
                // schemas
                "super(\"audit\", \"events\");",
                "super(\"users\");",
                // types without a factory of their own
                "public final Column<Object> address = column(\"address\", new DataType<>(\"inet\", Object.class));");
        assertThat(schema).doesNotContain("serial(\"id\").primaryKey().notNull()", "import java.lang");
    }

    @Test
    void writesLiteralDefaultsAsJavaValuesAndTheRestAsSql() {
        Snapshot snapshot = CodeSnapshots.of(KitchenSink.tables(), PostgresDialect.INSTANCE);

        String schema = WRITER.write(snapshot, "jira.schema").schemaJava();

        assertThat(schema).contains(
                "smallint(\"s\").defaultValue((short) 7);",
                "smallint(\"s_negative\").defaultValue((short) -7);",
                "integer(\"i\").notNull().defaultValue(42);",
                "integer(\"i_negative\").defaultValue(-1);",
                "bigint(\"b\").defaultValue(5L);",
                "bigint(\"b_huge\").defaultValue(5000000000L);",
                "bool(\"yes\").defaultValue(true);",
                "text(\"body\").defaultValue(\"it's \\\"quoted\\\"\\n\"",
                "numeric(\"price\", 10, 2).defaultValue(new BigDecimal(\"1.50\"));",
                "numeric(\"debt\").defaultValue(new BigDecimal(\"-2.5\"));",
                "real(\"ratio\").defaultValue(1.5f);",
                "doublePrecision(\"precise\").defaultValue(2.25);",
                "doublePrecision(\"far\").defaultValue(3.0E10);",
                "date(\"day\").defaultValue(LocalDate.parse(\"2024-01-31\"));",
                "time(\"at_fraction\", 3).defaultValue(LocalTime.parse(\"12:30:01.500\"));",
                "timestamp(\"stamp\").defaultValue(LocalDateTime.parse(\"2024-01-01T10:00\"));",
                "uuid(\"token\").defaultValue(UUID.fromString(\"123e4567-e89b-12d3-a456-426614174000\"));",
                "interval(\"span\").defaultValue(\"1 day\");",
                "jsonb(\"docb\").defaultValue(\"{\\\"a\\\": 1}\");",
                "timestamptz(\"created\").notNull().defaultSql(\"now()\");",
                "uuid(\"random_token\").defaultSql(\"gen_random_uuid()\");",
                "timestamp(\"seen\").defaultSql(\"CURRENT_TIMESTAMP\");",
                "doublePrecision(\"nan\").defaultSql(\"'NaN'::double precision\");",
                "timestamptz(\"moment\").defaultSql(\"'2024-01-01 08:00:00+00'::timestamp with time zone\");",
                "bytea(\"blob\").defaultSql(\"'\\\\x0102ff'::bytea\");");
    }

    @Test
    void handWrittenSnapshotWithUnusualTypesAndDefaultsRoundTrips(@TempDir Path dir) {
        Snapshot snapshot = snapshot(
                table("odd")
                        .serial("id", "bigint")
                        .serial("n", "smallint")
                        .column("legacy_serial_text", "text", true, null)
                        .column("numeric_p", "numeric(10)")
                        .column("char_plain", "char")
                        .column("bp", "char(1)", false, "'x'::bpchar")
                        .column("names", "varchar(20)[]", false, "'{a,b}'::character varying[]")
                        .column("ints", "integer[]", true, "'{1,2}'::integer[]")
                        .column("tz", "timetz(3)")
                        .column("money", "money", false, "'1.00'::money")
                        .column("cidr", "cidr")
                        .column("n_sql", "integer", false, "(1 + 2)")
                        .column("n_cast", "integer", false, "'-5'::integer")
                        .column("b_cast", "bigint", false, "'-9223372036854775808'::bigint")
                        .column("b_max", "bigint", false, "9223372036854775807")
                        .column("i_min", "integer", false, "'-2147483648'::integer")
                        .column("f_neg", "real", false, "'-0.5'::numeric")
                        .column("d_exp", "double precision", false, "'30000000000'::bigint")
                        .column("padded", "numeric(6,3)", false, "1.500")
                        .column("text_odd", "text", false, "'a''b\\c'::text")
                        .column("v_long", "varchar(10485760)")
                        .primaryKey("odd_pkey", "id"),
                table("Mixed Case").column("Id", "integer", true, null).primaryKey("mixed_pk", "Id")
                        .unique("Mixed Case_Id_key", "Id")
                        .unique("mixed_again", "Id"));

        Generated generated = Generated.roundTrip(snapshot, "odd.types", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
        assertThat(generated.sources.schemaJava()).contains(
                "column(\"numeric_p\", new DataType<>(\"numeric(10)\", Object.class))",
                "character(\"bp\", 1).defaultValue(\"x\")",
                "integer(\"n_cast\").defaultValue(-5)",
                "bigint(\"b_cast\").defaultValue(-9223372036854775808L)",
                "integer(\"i_min\").defaultValue(-2147483648)",
                "real(\"f_neg\").defaultValue(-0.5f)",
                "doublePrecision(\"d_exp\").defaultValue(3.0E10)",
                "numeric(\"padded\", 6, 3).defaultValue(new BigDecimal(\"1.500\"))",
                "text(\"text_odd\").defaultValue(\"a'b\\\\c\")",
                "integer(\"n_sql\").defaultSql(\"(1 + 2)\")",
                "public final Column<Integer> id = integer(\"Id\").unique();",
                "public final Constraint pk = primaryKey(\"mixed_pk\", id);",
                "public final Constraint mixedAgain = unique(\"mixed_again\", id);");
    }

    @Test
    void sameSnapshotGivesIdenticalText() {
        Snapshot snapshot = CodeSnapshots.of(KitchenSink.tables(), PostgresDialect.INSTANCE);
        Snapshot reread = SnapshotJson.fromJson(SnapshotJson.toJson(snapshot), "test");

        JavaSchemaWriter.GeneratedSources first = WRITER.write(snapshot, "jira.schema");
        JavaSchemaWriter.GeneratedSources second = new JavaSchemaWriter(PostgresDialect.INSTANCE).write(reread, "jira.schema");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aChangeTouchesOnlyItsOwnLines() {
        Snapshot before = SnapshotBuilder.seed();
        // The seed with one new column on users.
        TableSnapshot users = before.tables().get("public.users");
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>(users.columns());
        columns.put("email", new ColumnSnapshot("email", "text", false, false, null));
        SortedMap<String, TableSnapshot> tables = new TreeMap<>(before.tables());
        tables.put(users.key(), users.withParts(columns, users.primaryKey(), users.uniqueConstraints(),
                users.foreignKeys(), users.indexes()));
        Snapshot after = before.withTables(tables);

        List<String> beforeLines = WRITER.write(before, "jira.schema").schemaJava().lines().toList();
        List<String> afterLines = WRITER.write(after, "jira.schema").schemaJava().lines().toList();

        assertThat(afterLines).hasSize(beforeLines.size() + 1);
        List<String> added = afterLines.stream().filter(line -> !beforeLines.contains(line)).toList();
        assertThat(added).containsExactly("    public final Column<String> email = text(\"email\");");
    }

    @Test
    void resolvesNameClashes(@TempDir Path dir) {
        Snapshot snapshot = snapshot(
                table("schema").id().column("name", "text").column("columns", "text").column("class", "text")
                        .column("epic_id", "integer").column("epicId", "integer").column("EPIC_ID", "integer")
                        .column("default", "text").column("has space", "text").column("ünïcode", "text")
                        .column("2fa", "boolean").column("$", "text").column("pk", "text").column("Table", "text")
                        .column("fk_schema_string", "integer")
                        .foreignKey("fk_schema_string", List.of("fk_schema_string"), "public", "string", List.of("id"),
                                "cascade", "no action")
                        .index("name", false, "btree", "name")
                        .unique("columns", "columns", "class"),
                table("string").id().column("schema_id", "integer").references("schema_id", "schema"),
                table("index").id(),
                table("Relations").id(),
                table("table").id(),
                table("a").id(),
                table("A").id(),
                table("2fa").id(),
                table("class").id(),
                table("UUID").id(),
                table("users").id(),
                table("audit", "users").id().column("user_id", "integer")
                        .foreignKey("users_user_id_fkey", List.of("user_id"), "public", "users", List.of("id"),
                                "no action", "no action"),
                table("a_b").id(),
                table("ab").id());

        Generated generated = Generated.roundTrip(snapshot, "clash", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
        assertThat(generated.sources.schemaJava()).contains(
                "public static final SchemaTable SCHEMA = new SchemaTable();",
                "public static final StringTable STRING = new StringTable();",
                "public static final IndexTable INDEX = new IndexTable();",
                "public static final RelationsTable RELATIONS = new RelationsTable();",
                "public static final TableTable TABLE = new TableTable();",
                "public static final A A = new A();",
                "public static final ATable A2 = new ATable();",
                "public static final _2fa _2FA = new _2fa();",
                "public static final ClassTable CLASS = new ClassTable();",
                "public static final UuidTable UUID",
                "public static final Users USERS = new Users();",
                "public static final AuditUsers AUDIT_USERS = new AuditUsers();",
                "public static final AB A_B = new AB();",
                "public static final AbTable AB = new AbTable();",
                "public final Column<String> name = text(\"name\");",
                "public final Column<String> columns = text(\"columns\");",
                "public final Column<String> class_ = text(\"class\");",
                "public final Column<Integer> epicId = integer(\"epic_id\");",
                "public final Column<Integer> epicId2 = integer(\"epicId\");",
                "public final Column<Integer> epicId3 = integer(\"EPIC_ID\");",
                "public final Column<String> default_ = text(\"default\");",
                "public final Column<String> hasSpace = text(\"has space\");",
                "public final Column<String> ünïcode = text(\"ünïcode\");",
                "public final Column<Boolean> _2fa = bool(\"2fa\");",
                "public final Column<String> column = text(\"$\");",
                "public final Column<String> pk = text(\"pk\");",
                "public final Column<String> table = text(\"Table\");",
                "public final Constraint columns2 = unique(\"columns\", columns, class_);",
                "public final ForeignKey fkSchemaString2 = foreignKey(\"fk_schema_string\", fkSchemaString)",
                "public final Index name2 = index(\"name\").on(name);");
        assertThat(generated.sources.relationsJava()).contains(
                "many(\"auditUsers\", Schema.AUDIT_USERS)",
                "one(\"schema\", Schema.SCHEMA, Schema.STRING.schemaId, Schema.SCHEMA.id)",
                "one(\"fkSchemaString\", Schema.STRING, Schema.SCHEMA.fkSchemaString, Schema.STRING.id)");
    }

    @Test
    void defaultPackageWorks(@TempDir Path dir) {
        Snapshot snapshot = SnapshotBuilder.seed();

        Generated generated = Generated.roundTrip(snapshot, "", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
        assertThat(generated.sources.schemaJava()).doesNotContain("package ");
    }

    @Test
    void seedSchemaLooksHandWritten() {
        JavaSchemaWriter.GeneratedSources sources = WRITER.write(SnapshotBuilder.seed(), "jira.schema");

        assertThat(sources.schemaJava()).isEqualTo("""
                // Written by `sleet pull`, which rewrites it from the database. This is ordinary
                // schema code: edit it, and `sleet generate` turns your changes into migrations.
                package jira.schema;

                import dev.sleet.schema.Column;
                import dev.sleet.schema.Constraint;
                import dev.sleet.schema.ForeignKey;
                import dev.sleet.schema.Index;
                import dev.sleet.schema.ReferentialAction;
                import dev.sleet.schema.Table;
                
                public final class Schema {
                  public static final Epics EPICS = new Epics();
                  public static final Tags TAGS = new Tags();
                  public static final Tasks TASKS = new Tasks();
                  public static final TasksTags TASKS_TAGS = new TasksTags();
                  public static final Users USERS = new Users();

                  private Schema() {}

                  public static final class Epics extends Table<Epics> {
                    public final Column<Integer> id = serial("id").primaryKey();
                    public final Column<String> title = varchar("title", 250).notNull();

                    public Epics() {
                      super("epics");
                    }
                  }

                  public static final class Tags extends Table<Tags> {
                    public final Column<Integer> id = serial("id").primaryKey();
                    public final Column<String> label = text("label").notNull().unique();

                    public Tags() {
                      super("tags");
                    }
                  }

                  public static final class Tasks extends Table<Tasks> {
                    public final Column<Integer> id = serial("id").primaryKey();
                    public final Column<String> name = varchar("name", 250).notNull();
                    public final Column<Integer> epicId = integer("epic_id");
                    public final Column<Integer> userId = integer("user_id");
                    public final Column<Integer> importance = integer("importance").notNull().defaultValue(0);
                    public final ForeignKey fkTaskEpic = foreignKey("fk_task_epic", epicId).references(() -> EPICS.id);
                    public final ForeignKey fkTaskUser = foreignKey("fk_task_user", userId).references(() -> USERS.id).onDelete(ReferentialAction.CASCADE);
                    public final Index idxTasksEpic = index("idx_tasks_epic").on(epicId);

                    public Tasks() {
                      super("tasks");
                    }
                  }

                  public static final class TasksTags extends Table<TasksTags> {
                    public final Column<Integer> taskId = integer("task_id").references(() -> TASKS.id);
                    public final Column<Integer> tagId = integer("tag_id").references(() -> TAGS.id);
                    public final Constraint pk = primaryKey(taskId, tagId);

                    public TasksTags() {
                      super("tasks_tags");
                    }
                  }

                  public static final class Users extends Table<Users> {
                    public final Column<Integer> id = serial("id").primaryKey();
                    public final Column<String> name = text("name").notNull();

                    public Users() {
                      super("users");
                    }
                  }
                }
                """);
        assertThat(sources.relationsJava()).isEqualTo("""
                // Written by `sleet pull`, which rewrites it from the database. This is ordinary
                // schema code: edit it, and `sleet generate` turns your changes into migrations.
                package jira.schema;

                import static dev.sleet.schema.Relation.many;
                import static dev.sleet.schema.Relation.one;

                import dev.sleet.schema.TableRelations;

                public final class Relations {
                  public static final TableRelations EPICS = TableRelations.of(Schema.EPICS,
                      many("tasks", Schema.TASKS));

                  public static final TableRelations TAGS = TableRelations.of(Schema.TAGS,
                      many("tasksTags", Schema.TASKS_TAGS),
                      many("tasks", Schema.TASKS).through(Schema.TASKS_TAGS));

                  public static final TableRelations TASKS = TableRelations.of(Schema.TASKS,
                      one("epic", Schema.EPICS, Schema.TASKS.epicId, Schema.EPICS.id),
                      one("user", Schema.USERS, Schema.TASKS.userId, Schema.USERS.id),
                      many("tasksTags", Schema.TASKS_TAGS),
                      many("tags", Schema.TAGS).through(Schema.TASKS_TAGS));

                  public static final TableRelations TASKS_TAGS = TableRelations.of(Schema.TASKS_TAGS,
                      one("tag", Schema.TAGS, Schema.TASKS_TAGS.tagId, Schema.TAGS.id),
                      one("task", Schema.TASKS, Schema.TASKS_TAGS.taskId, Schema.TASKS.id));

                  public static final TableRelations USERS = TableRelations.of(Schema.USERS,
                      many("tasks", Schema.TASKS));

                  private Relations() {}
                }
                """);
    }

    @Test
    void refusesWhatSchemaCodeCannotSay() {
        Snapshot outside = snapshot(table("tasks").id().column("user_id", "integer")
                .foreignKey("tasks_user_id_fkey", List.of("user_id"), "auth", "users", List.of("id"), "no action", "no action"));
        assertThatThrownBy(() -> WRITER.write(outside, "app"))
                .isInstanceOf(SleetException.class).hasMessageContaining("auth.users").hasMessageContaining("tasks_user_id_fkey");

        Snapshot expression = snapshot(table("users").id().column("email", "text")
                .index("users_lower_email", true, "btree", "lower(email)"));
        assertThatThrownBy(() -> WRITER.write(expression, "app"))
                .isInstanceOf(SleetException.class).hasMessageContaining("users_lower_email").hasMessageContaining("lower(email)");

        Snapshot method = snapshot(table("users").id().index("users_bloom", false, "bloom", "id"));
        assertThatThrownBy(() -> WRITER.write(method, "app"))
                .isInstanceOf(SleetException.class).hasMessageContaining("bloom");

        assertThatThrownBy(() -> WRITER.write(SnapshotBuilder.seed(), "my-app.schema"))
                .isInstanceOf(SleetException.class).hasMessageContaining("my-app.schema");
        assertThatThrownBy(() -> WRITER.write(SnapshotBuilder.seed(), "app.class"))
                .isInstanceOf(SleetException.class);
    }

    @Test
    void emptySnapshotGivesEmptyClasses() {
        JavaSchemaWriter.GeneratedSources sources = WRITER.write(Snapshot.empty("postgresql"), "app");

        assertThat(sources.schemaJava()).contains("public final class Schema {\n  private Schema() {}\n}\n");
        assertThat(sources.relationsJava()).contains("public final class Relations {\n  private Relations() {}\n}\n");
    }
}
