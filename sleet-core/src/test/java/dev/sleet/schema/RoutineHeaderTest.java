package dev.sleet.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The head of a routine's definition, read without a database. */
class RoutineHeaderTest {

    @Test
    void quotedNamesDefaultsAndTheResultLineAreRead() {
        RoutineHeader header = RoutineHeader.parse("""
                CREATE OR REPLACE FUNCTION "my.schema"."f ""x"" (y)"(a integer DEFAULT '(,)'::text, default_b text = 'x')
                 RETURNS SETOF record
                 LANGUAGE sql
                AS $function$select 1$function$
                """);

        assertThat(header.kind()).isEqualTo(RoutineHeader.FUNCTION);
        assertThat(header.schema()).isEqualTo("my.schema");
        assertThat(header.name()).isEqualTo("f \"x\" (y)");
        assertThat(header.arguments()).isEqualTo("a integer DEFAULT '(,)'::text, default_b text = 'x'");
        assertThat(header.identityArguments()).isEqualTo("a integer, default_b text");
        assertThat(header.result()).isEqualTo("SETOF record");
        assertThat(header.key()).isEqualTo("my.schema.f \"x\" (y)(a integer, default_b text)");
    }

    @Test
    void bareNamesFoldToLowerCaseInPublicAndProceduresAndAggregatesReturnNothing() {
        RoutineHeader procedure = RoutineHeader.parse("create procedure Bump(IN p_id integer) language plpgsql as $$ begin end $$");
        assertThat(procedure.schema()).isEqualTo("public");
        assertThat(procedure.name()).isEqualTo("bump");
        assertThat(procedure.kind()).isEqualTo(RoutineHeader.PROCEDURE);
        assertThat(procedure.result()).isNull();

        RoutineHeader aggregate = RoutineHeader.parse("CREATE AGGREGATE public.pct(double precision ORDER BY anyelement) (\n"
                + "    SFUNC = ordered_set_transition,\n    STYPE = internal\n)");
        assertThat(aggregate.kind()).isEqualTo(RoutineHeader.AGGREGATE);
        assertThat(aggregate.identityArguments()).isEqualTo("double precision ORDER BY anyelement");
        assertThat(aggregate.result()).isNull();
        RoutineHeader oneLine = RoutineHeader.parse("CREATE FUNCTION f() RETURNS TABLE(language text, n int) LANGUAGE sql AS 'select 1'");
        assertThat(oneLine.key()).isEqualTo("public.f()");
        assertThat(oneLine.result()).isEqualTo("TABLE(language text, n int)");
        assertThat(RoutineHeader.parse("CREATE FUNCTION f() RETURNS SETOF int STABLE AS 'x'").result()).isEqualTo("SETOF int");
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> RoutineHeader.parse("CREATE VIEW v AS SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CREATE FUNCTION");
        assertThatThrownBy(() -> RoutineHeader.parse("CREATE FUNCTION f RETURNS int"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no argument list");
    }
}
