package dev.sleet.kit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void aKnownPasswordIsMaskedAsAWholeTokenNeverInsideWords() {
        Secrets secrets = Secrets.of("s");
        assertThat(secrets.mask("FATAL: database \"sales\" does not exist")).isEqualTo("FATAL: database \"sales\" does not exist");
        assertThat(secrets.mask("SELECT s FROM users WHERE s = 's'")).isEqualTo("SELECT **** FROM users WHERE **** = '****'");
        assertThat(secrets.mask("The file's transaction was rolled back")).isEqualTo("The file's transaction was rolled back");
        assertThat(Secrets.of("t").mask("don't; t")).isEqualTo("don't; ****");
        assertThat(Secrets.of("p@ss").mask("password p@ss rejected; p@ssword and xp@ss are other words"))
                .isEqualTo("password **** rejected; p@ssword and xp@ss are other words");
    }

    @Test
    void aUrlPasswordIsMaskedWithoutKnowingIt() {
        assertThat(Secrets.NONE.mask("Unknown options: '--db', 'postgresql://user:secret@host/db'"))
                .isEqualTo("Unknown options: '--db', 'postgresql://user:****@host/db'");
        assertThat(Secrets.NONE.mask("jdbc:postgresql://app:a/b@c@db.example:5432/shop and admin@example.com"))
                .isEqualTo("jdbc:postgresql://app:****@db.example:5432/shop and admin@example.com");
        assertThat(Secrets.NONE.mask("postgresql://app@host:5432/db")).isEqualTo("postgresql://app@host:5432/db");
        // a URL read as a file path loses one slash
        assertThat(Secrets.NONE.mask("Config file postgresql:/app:secret@host/db not found"))
                .isEqualTo("Config file postgresql:/app:****@host/db not found");
    }

    @Test
    void aPasswordParameterIsMaskedWithoutKnowingIt() {
        assertThat(Secrets.NONE.mask("jdbc:postgresql://h/db?user=app&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=app&password=****&ssl=true");
        assertThat(Secrets.NONE.mask("Unknown option: '--password=secret'")).isEqualTo("Unknown option: '--password=****'");
        // SQL about a column named password is not a credential
        assertThat(Secrets.NONE.mask("CHECK ((password <> ''::text))")).isEqualTo("CHECK ((password <> ''::text))");
    }

    @Test
    void aPasswordHoldingQuotesIsMaskedWhole() {
        // picocli quotes what it did not understand in '...'; a password may hold quotes itself
        assertThat(Secrets.NONE.mask("Unmatched argument at index 1: 'postgresql://u:a'b@127.0.0.1:54321/db'"))
                .isEqualTo("Unmatched argument at index 1: 'postgresql://u:****@127.0.0.1:54321/db'");
        assertThat(Secrets.NONE.mask("Unmatched argument at index 1: 'postgresql://u:a\"b@h/db'"))
                .isEqualTo("Unmatched argument at index 1: 'postgresql://u:****@h/db'");
        assertThat(Secrets.NONE.mask("Unknown option: '--password=it's'")).isEqualTo("Unknown option: '--password=****'");
        assertThat(Secrets.NONE.mask("jdbc:postgresql://h/db?password=a\"b&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?password=****&ssl=true");
    }

    @Test
    void nothingToMaskLeavesTextAlone() {
        assertThat(Secrets.of(null, "").mask("does not exist")).isEqualTo("does not exist");
        assertThat(Secrets.NONE.mask(null)).isEmpty();
    }
}
