package io.ankirag.domain.user;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in. Users are stored as state, not as an event stream: personal data must be
 * erasable, which an append-only event log makes needlessly hard.
 *
 * @param passwordHash an opaque hash made by the password-hashing port; the domain never sees plain text
 *                     after registration
 */
public record User(
        UserId id,
        Email email,
        String passwordHash,
        DisplayName displayName,
        Role role,
        boolean active,
        UserPreferences preferences,
        Instant createdAt,
        Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static User register(UserId id, Email email, String passwordHash, DisplayName displayName, Role role, Instant now) {
        return new User(id, email, passwordHash, displayName, role, true, UserPreferences.DEFAULTS, now, now);
    }

    /** Refuses anything a deactivated user might try: signing in, refreshing, calling the API. */
    public void ensureActive() {
        if (!active) {
            throw new DomainException(ErrorCode.AUTH_003, "this account is deactivated; ask an administrator to reactivate it");
        }
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public User rename(DisplayName newName, Instant now) {
        return new User(id, email, passwordHash, newName, role, active, preferences, createdAt, now);
    }

    public User changePassword(String newHash, Instant now) {
        return new User(id, email, newHash, displayName, role, active, preferences, createdAt, now);
    }

    public User changePreferences(UserPreferences newPreferences, Instant now) {
        return new User(id, email, passwordHash, displayName, role, active, newPreferences, createdAt, now);
    }

    public User changeRole(Role newRole, Instant now) {
        return new User(id, email, passwordHash, displayName, newRole, active, preferences, createdAt, now);
    }

    public User activate(boolean nowActive, Instant now) {
        return new User(id, email, passwordHash, displayName, role, nowActive, preferences, createdAt, now);
    }
}
