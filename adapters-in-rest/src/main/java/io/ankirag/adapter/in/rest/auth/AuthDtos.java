package io.ankirag.adapter.in.rest.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request and response bodies of {@code /api/auth} (spec 5.1); JSON names are snake_case. */
final class AuthDtos {

    private AuthDtos() {
    }

    record RegisterRequest(
            @NotBlank @Size(max = 255) @Schema(example = "user@example.com") String email,
            @NotBlank @Schema(example = "securePassword123") String password,
            @Size(max = 100) @Schema(example = "John Doe") String displayName) {
    }

    record LoginRequest(@NotBlank String email, @NotBlank String password) {
    }

    record RefreshRequest(@NotBlank String refreshToken) {
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    record MessageResponse(String message) {
    }
}
