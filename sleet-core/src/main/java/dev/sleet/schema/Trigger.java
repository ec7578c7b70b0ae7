package dev.sleet.schema;

import java.util.Objects;

/**
 * A trigger on a table, declared by its definition as PostgreSQL prints it
 * ({@code pg_get_triggerdef}):
 *
 * <pre>{@code
 * public final Trigger touch = trigger("tasks_touch",
 *         "CREATE TRIGGER tasks_touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch()");
 * public final Trigger audit = trigger("tasks_audit", "CREATE CONSTRAINT TRIGGER tasks_audit AFTER INSERT ON tasks"
 *         + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit()").disabled();
 * }</pre>
 *
 * Any form PostgreSQL has is declared this way: {@code BEFORE}/{@code AFTER}, {@code UPDATE OF}
 * columns, {@code FOR EACH ROW}/{@code STATEMENT}, {@code WHEN}, {@code REFERENCING} transition
 * tables, constraint triggers and {@code DEFERRABLE}. Tables in {@code public} and functions in
 * {@code public} are named unqualified, others qualified. A trigger whose definition changes is
 * dropped and created again; its enabled state ({@link Switchable}) is set with {@code ALTER TABLE
 * ... ENABLE/DISABLE TRIGGER}. Immutable: each modifier returns a new trigger and puts it in the
 * place of the old one on its table.
 */
public final class Trigger implements Switchable<Trigger> {

    private final Table<?> table;
    private final String name;
    private final String definition;
    private final Enabled enabled;

    Trigger(Table<?> table, String name, String definition, Enabled enabled) {
        this.table = table;
        this.name = Objects.requireNonNull(name, "trigger name");
        this.definition = Objects.requireNonNull(definition, "trigger definition");
        this.enabled = Objects.requireNonNull(enabled, "enabled");
    }

    @Override
    public Trigger enabled(Enabled state) {
        Trigger next = new Trigger(table, name, definition, state);
        table.replace(this, next);
        return next;
    }

    public String name() {
        return name;
    }

    public String definition() {
        return definition;
    }

    @Override
    public Enabled enabled() {
        return enabled;
    }
}
