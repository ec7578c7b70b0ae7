package dev.sleet.schema;

import java.util.Objects;

/**
 * A database role the schema needs ({@code CREATE ROLE app_user LOGIN}), declared as a public
 * static final field of a schema class. Sleet creates, alters and drops only the roles the code
 * declares (and, for {@code pull}, those the config names); passwords are not its business.
 * Immutable: each method returns a new role.
 *
 * <pre>{@code public static final Role APP_USER = Role.of("app_user").login().bypassRls();}</pre>
 */
public final class Role implements SchemaObject {

    private final String name;
    private final boolean login;
    private final boolean createDb;
    private final boolean createRole;
    private final boolean inherit;
    private final boolean bypassRls;
    private final boolean replication;
    private final int connectionLimit;

    private Role(String name, boolean login, boolean createDb, boolean createRole, boolean inherit, boolean bypassRls,
                 boolean replication, int connectionLimit) {
        this.name = Objects.requireNonNull(name, "role name");
        this.login = login;
        this.createDb = createDb;
        this.createRole = createRole;
        this.inherit = inherit;
        this.bypassRls = bypassRls;
        this.replication = replication;
        this.connectionLimit = connectionLimit;
    }

    /** A role with PostgreSQL's defaults: NOLOGIN, INHERIT, no other privilege, no connection limit. */
    public static Role of(String name) {
        return new Role(name, false, false, false, true, false, false, -1);
    }

    public Role login() {
        return new Role(name, true, createDb, createRole, inherit, bypassRls, replication, connectionLimit);
    }

    public Role createDb() {
        return new Role(name, login, true, createRole, inherit, bypassRls, replication, connectionLimit);
    }

    public Role createRole() {
        return new Role(name, login, createDb, true, inherit, bypassRls, replication, connectionLimit);
    }

    /** {@code NOINHERIT}: the role does not inherit the privileges of the roles it is a member of. */
    public Role noInherit() {
        return new Role(name, login, createDb, createRole, false, bypassRls, replication, connectionLimit);
    }

    public Role bypassRls() {
        return new Role(name, login, createDb, createRole, inherit, true, replication, connectionLimit);
    }

    public Role replication() {
        return new Role(name, login, createDb, createRole, inherit, bypassRls, true, connectionLimit);
    }

    public Role connectionLimit(int limit) {
        return new Role(name, login, createDb, createRole, inherit, bypassRls, replication, limit);
    }

    /** Roles belong to the cluster, not to a schema: empty. */
    @Override
    public String schemaName() {
        return "";
    }

    @Override
    public String objectName() {
        return name;
    }

    public boolean canLogin() {
        return login;
    }

    public boolean canCreateDb() {
        return createDb;
    }

    public boolean canCreateRole() {
        return createRole;
    }

    public boolean inherits() {
        return inherit;
    }

    public boolean bypassesRls() {
        return bypassRls;
    }

    public boolean canReplicate() {
        return replication;
    }

    /** -1 for no limit. */
    public int connectionLimit() {
        return connectionLimit;
    }

    @Override
    public String toString() {
        return "role " + name;
    }
}
