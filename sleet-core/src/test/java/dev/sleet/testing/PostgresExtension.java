package dev.sleet.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each test method a fresh {@link TestDatabase} parameter on the local PostgreSQL and drops
 * it afterwards: {@code @ExtendWith(PostgresExtension.class) void test(TestDatabase db)}.
 * A test that needs two databases declares two parameters.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase db = TestDatabase.create("sleet_" + context.getRequiredTestMethod().getName());
        context.getStore(NS).put(db.name(), db); // the store closes AutoCloseable values when the test ends
        return db;
    }
}
