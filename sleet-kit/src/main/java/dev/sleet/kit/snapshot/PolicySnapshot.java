package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * A row-level security policy: {@code as} is {@code permissive} or {@code restrictive},
 * {@code command} one of {@code all}, {@code select}, {@code insert}, {@code update},
 * {@code delete}; {@code to} the role names, sorted ({@code public} for everyone, alone: PostgreSQL keeps
 * no other role beside it); {@code using}
 * and {@code withCheck} in {@code pg_get_expr} form, absent when not set.
 */
public record PolicySnapshot(String name, String as, String command, List<String> to,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String using,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String withCheck) {

    public static final String PERMISSIVE = "permissive";
    public static final String RESTRICTIVE = "restrictive";
    public static final String PUBLIC = "public";

    public PolicySnapshot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(as);
        Objects.requireNonNull(command);
        // PostgreSQL ignores the other roles of a policy that is also to public (every role is in public).
        to = to == null || to.isEmpty() || to.contains(PUBLIC) ? List.of(PUBLIC) : to.stream().sorted().distinct().toList();
    }
}
