package dev.sleet.migrate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationFileTest {

    @Test
    void splitsOnBreakpointLinesTrimsAndSkipsEmptyPieces() {
        String sql = "CREATE TABLE a (id int);\n--> statement-breakpoint\n\n  CREATE TABLE b (id int);  \r\n"
                + "--> statement-breakpoint\r\n--> statement-breakpoint\n   \n";

        assertThat(MigrationFile.statements(sql, true, "postgresql"))
                .containsExactly("CREATE TABLE a (id int);", "CREATE TABLE b (id int);");
    }

    @Test
    void onlyAWholeLineIsABreakpoint() {
        String sql = "SELECT '--> statement-breakpoint' AS marker;\n--> statement-breakpoint\nSELECT 2;";

        assertThat(MigrationFile.statements(sql, true, "postgresql"))
                .containsExactly("SELECT '--> statement-breakpoint' AS marker;", "SELECT 2;");
    }

    @Test
    void withoutBreakpointsTheWholeFileIsOneStatement() {
        String sql = "CREATE TABLE a (id int);\n--> statement-breakpoint\nCREATE TABLE b (id int);\n";

        assertThat(MigrationFile.statements(sql, false, "postgresql"))
                .containsExactly("CREATE TABLE a (id int);\n--> statement-breakpoint\nCREATE TABLE b (id int);");
        assertThat(MigrationFile.statements("  \n", false, "postgresql")).isEmpty();
    }

    @Test
    void hashIsSha256HexAndIgnoresLineEndingStyle() {
        String lf = MigrationFile.hash("SELECT 1;\n");

        // printf 'SELECT 1;\n' | sha256sum
        assertThat(lf).isEqualTo("b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd");
        assertThat(MigrationFile.hash("SELECT 1;\r\n")).isEqualTo(lf);
        assertThat(MigrationFile.hash("SELECT 1;\r")).isEqualTo(lf);
        assertThat(MigrationFile.hash("SELECT 2;\n")).isNotEqualTo(lf);
    }
}
