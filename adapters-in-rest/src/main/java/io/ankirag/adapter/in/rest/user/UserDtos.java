package io.ankirag.adapter.in.rest.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

final class UserDtos {

    private UserDtos() {
    }

    record PreferencesResponse(String preferredLanguage, String defaultModel, String defaultEmbedder) {
    }

    record UserResponse(
            UUID id,
            String email,
            String displayName,
            String role,
            @JsonProperty("is_active") boolean active,
            PreferencesResponse preferences,
            Instant createdAt,
            Instant updatedAt) {
    }

    /** Every field optional; {@code new_password} needs {@code current_password}. */
    record UpdateMeRequest(
            @Size(min = 1, max = 100) String displayName,
            String currentPassword,
            String newPassword,
            @Size(max = 35) String preferredLanguage,
            @Size(max = 255) String defaultModel,
            @Size(max = 255) String defaultEmbedder) {
    }

    /** Every field optional. */
    record UpdateUserRequest(
            @Size(min = 1, max = 100) String displayName,
            @Pattern(regexp = "user|admin", message = "must be 'user' or 'admin'") String role,
            @JsonProperty("is_active") Boolean active) {
    }
}
