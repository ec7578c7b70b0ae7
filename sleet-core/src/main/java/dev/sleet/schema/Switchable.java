package dev.sleet.schema;

/**
 * A trigger or a rule: what PostgreSQL can disable, or fire only in some replication roles, without
 * dropping it. The modifiers return a new {@code T}, as each kind's own modifiers do.
 */
public sealed interface Switchable<T extends Switchable<T>> permits Trigger, Rule {

    /** The same object, firing as {@code state} says. */
    T enabled(Enabled state);

    Enabled enabled();

    /** {@code DISABLE TRIGGER} or {@code DISABLE RULE}. */
    default T disabled() {
        return enabled(Enabled.DISABLED);
    }

    /** {@code ENABLE ALWAYS TRIGGER} or {@code ENABLE ALWAYS RULE}. */
    default T enabledAlways() {
        return enabled(Enabled.ALWAYS);
    }

    /** {@code ENABLE REPLICA TRIGGER} or {@code ENABLE REPLICA RULE}. */
    default T enabledReplica() {
        return enabled(Enabled.REPLICA);
    }
}
