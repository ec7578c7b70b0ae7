package dev.sleet.kit.rename;

import java.util.List;

/**
 * Where a command's rename answers come from, besides declarations in schema code.
 *
 * @param renames     {@code --rename} values ({@code [kind:]FROM=TO})
 * @param creates     {@code --create} values ({@code [kind:]NAME})
 * @param interactive asks a person, or null when there is no terminal (or {@code --no-interactive})
 */
public record RenameInput(List<String> renames, List<String> creates, RenameResolver interactive) {

    public static final RenameInput NONE = new RenameInput(List.of(), List.of(), null);

    public RenameInput {
        renames = renames == null ? List.of() : List.copyOf(renames);
        creates = creates == null ? List.of() : List.copyOf(creates);
    }
}
