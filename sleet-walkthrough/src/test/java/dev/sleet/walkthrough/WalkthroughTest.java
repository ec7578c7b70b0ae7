package dev.sleet.walkthrough;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed walkthrough, every step, against the local PostgreSQL. The walkthrough checks each
 * step itself and throws on the first failed check; this test also checks its transcript.
 */
class WalkthroughTest {

    @Test
    void everyStepOfTheSeedWalkthroughWorks(@TempDir Path work) throws Exception {
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(transcript, true, StandardCharsets.UTF_8);
        try {
            new Walkthrough(new Walkthrough.Server(TestDatabase.HOST, TestDatabase.PORT, TestDatabase.USER), work, log).run();
        } finally {
            System.out.print(transcript.toString(StandardCharsets.UTF_8));
        }
        String text = transcript.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("== 10. Round trip", "No schema changes", "Recorded", "Nothing to migrate");
        assertThat(text).containsPattern("\\+\\s+public final Column<Integer> importance = integer\\(\"importance\"\\);");
        assertThat(text).doesNotContain(Walkthrough.PASSWORD);
    }
}
