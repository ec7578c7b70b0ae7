package dev.sleet.kit.history;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Names migrations {@code NNNN_adjective_noun}, so that files stand out from each other in a
 * listing and in review; {@code --name} replaces the two words.
 */
public final class MigrationNames {

    private static final List<String> ADJECTIVES = List.of(
            "amber", "arctic", "blue", "bold", "brisk", "calm", "clear", "cold", "crisp", "dawn", "deep", "dusky",
            "early", "faint", "fleet", "frosty", "gentle", "glassy", "gray", "hazy", "hollow", "icy", "keen",
            "late", "lively", "lone", "misty", "mossy", "muted", "nimble", "north", "pale", "patient", "quiet",
            "rapid", "rimed", "rugged", "sharp", "silent", "silver", "sleek", "slow", "snowy", "soft", "steady",
            "still", "stormy", "swift", "tidy", "wintry");
    private static final List<String> NOUNS = List.of(
            "avalanche", "birch", "blizzard", "boulder", "brook", "cairn", "canyon", "cedar", "cirrus", "cloud",
            "comet", "cove", "crag", "crystal", "drift", "ember", "fjord", "flake", "floe", "fog", "frost",
            "gale", "glacier", "graupel", "gust", "hail", "harbor", "heron", "icicle", "lantern", "ledge",
            "lynx", "meadow", "moraine", "owl", "pine", "puffin", "rime", "ridge", "river", "sledge", "slope",
            "squall", "summit", "thaw", "tundra", "valley", "walrus", "willow", "zephyr");

    private MigrationNames() {}

    /** The tag for migration number {@code index}; {@code custom} (from --name) replaces the random words. */
    public static String tag(int index, String custom, RandomGenerator random) {
        String suffix = custom != null && !custom.isBlank() ? sanitize(custom)
                : ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_" + NOUNS.get(random.nextInt(NOUNS.size()));
        return String.format(Locale.ROOT, "%04d_%s", index, suffix);
    }

    /** Keeps names safe as file names on every system: letters, digits and underscores. */
    static String sanitize(String name) {
        String cleaned = name.trim().replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return cleaned.isEmpty() ? "migration" : cleaned;
    }
}
