package io.ankirag.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2025-02-01T10:00:00Z");

    private final User alice = User.register(new UserId(UUID.randomUUID()), new Email("alice@example.com"),
            "hash-1", new DisplayName("Alice"), Role.USER, CREATED);

    @Test
    void registeredUserIsActiveWithDefaultPreferences() {
        assertThat(alice.active()).isTrue();
        assertThat(alice.preferences()).isEqualTo(UserPreferences.DEFAULTS);
        assertThat(alice.createdAt()).isEqualTo(CREATED);
        assertThat(alice.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void activeUserPassesEnsureActive() {
        assertThatCode(alice::ensureActive).doesNotThrowAnyException();
    }

    @Test
    void inactiveUserIsRefusedWithAuth003() {
        User deactivated = alice.activate(false, LATER);

        assertThatThrownBy(deactivated::ensureActive)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.AUTH_003);
    }

    @Test
    void onlyTheAdminRoleIsAdmin() {
        assertThat(alice.isAdmin()).isFalse();
        assertThat(alice.changeRole(Role.ADMIN, LATER).isAdmin()).isTrue();
    }

    @Test
    void renameChangesOnlyTheNameAndUpdatedAt() {
        User renamed = alice.rename(new DisplayName("Alice S."), LATER);

        assertThat(renamed.displayName()).isEqualTo(new DisplayName("Alice S."));
        assertThat(renamed.updatedAt()).isEqualTo(LATER);
        assertThat(renamed).usingRecursiveComparison().ignoringFields("displayName", "updatedAt").isEqualTo(alice);
    }

    @Test
    void changePasswordChangesOnlyTheHashAndUpdatedAt() {
        User changed = alice.changePassword("hash-2", LATER);

        assertThat(changed.passwordHash()).isEqualTo("hash-2");
        assertThat(changed.updatedAt()).isEqualTo(LATER);
        assertThat(changed).usingRecursiveComparison().ignoringFields("passwordHash", "updatedAt").isEqualTo(alice);
    }

    @Test
    void changePreferencesChangesOnlyThePreferencesAndUpdatedAt() {
        UserPreferences russian = new UserPreferences("ru", "llama3", null);

        User changed = alice.changePreferences(russian, LATER);

        assertThat(changed.preferences()).isEqualTo(russian);
        assertThat(changed.updatedAt()).isEqualTo(LATER);
        assertThat(changed).usingRecursiveComparison().ignoringFields("preferences", "updatedAt").isEqualTo(alice);
    }

    @Test
    void changeRoleChangesOnlyTheRoleAndUpdatedAt() {
        User promoted = alice.changeRole(Role.ADMIN, LATER);

        assertThat(promoted.role()).isEqualTo(Role.ADMIN);
        assertThat(promoted.updatedAt()).isEqualTo(LATER);
        assertThat(promoted).usingRecursiveComparison().ignoringFields("role", "updatedAt").isEqualTo(alice);
    }

    @Test
    void activateTogglesOnlyTheActiveFlagAndUpdatedAt() {
        User deactivated = alice.activate(false, LATER);
        User reactivated = deactivated.activate(true, LATER.plusSeconds(1));

        assertThat(deactivated.active()).isFalse();
        assertThat(deactivated).usingRecursiveComparison().ignoringFields("active", "updatedAt").isEqualTo(alice);
        assertThat(reactivated.active()).isTrue();
        assertThat(reactivated.updatedAt()).isEqualTo(LATER.plusSeconds(1));
    }

    @Test
    void withersLeaveTheOriginalUntouched() {
        alice.rename(new DisplayName("Other"), LATER).changeRole(Role.ADMIN, LATER).activate(false, LATER);

        assertThat(alice.displayName()).isEqualTo(new DisplayName("Alice"));
        assertThat(alice.role()).isEqualTo(Role.USER);
        assertThat(alice.active()).isTrue();
        assertThat(alice.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void requiresAPasswordHash() {
        assertThatThrownBy(() -> User.register(new UserId(UUID.randomUUID()), new Email("a@example.com"), null,
                new DisplayName("A"), Role.USER, CREATED))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("passwordHash");
    }
}
