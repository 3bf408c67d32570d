package io.ankirag.application.user;

import static io.ankirag.application.fakes.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ankirag.application.auth.AuthService;
import io.ankirag.application.auth.AuthSettings;
import io.ankirag.application.fakes.FakePasswordHasher;
import io.ankirag.application.fakes.InMemoryRefreshTokens;
import io.ankirag.application.fakes.InMemoryUsers;
import io.ankirag.application.fakes.MutableClock;
import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.auth.AuthSession;
import io.ankirag.application.port.in.auth.LogInUseCase.LogIn;
import io.ankirag.application.port.in.auth.RegisterUserUseCase.RegisterUser;
import io.ankirag.application.port.in.user.AdministerUsersUseCase.AccountChanges;
import io.ankirag.application.port.in.user.UpdateProfileUseCase.ProfileChanges;
import io.ankirag.domain.auth.RefreshToken.Standing;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.DisplayName;
import io.ankirag.domain.user.Email;
import io.ankirag.domain.user.Role;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import io.ankirag.domain.user.UserPreferences;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private static final String ALICE_PASSWORD = "alice password";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T09:00:00Z"));
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryRefreshTokens tokens = new InMemoryRefreshTokens();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final AuthService auth = new AuthService(users, users, hasher, tokens, tokens,
            new AuthSettings(Duration.ofDays(7)), clock);
    private final UserService service = new UserService(users, users, users, hasher, tokens, clock);

    private AuthSession aliceSession;
    private UserId alice;
    private UserId admin;

    @BeforeEach
    void givenAnAdministratorAndAUserWhoIsSignedIn() {
        auth.ensureAdmin("admin@example.com", "admin password");
        admin = users.userByEmail(new Email("admin@example.com")).orElseThrow().id();
        clock.advance(Duration.ofMinutes(1));
        aliceSession = auth.register(new RegisterUser("alice@example.com", ALICE_PASSWORD, "Alice"));
        alice = aliceSession.user().id();
        clock.advance(Duration.ofMinutes(1));
    }

    private User stored(UserId id) {
        return users.userById(id).orElseThrow();
    }

    private Standing standingOf(AuthSession session) {
        return tokens.byDigest(session.refreshToken().digest()).standing(clock.instant());
    }

    private static ProfileChanges rename(String name) {
        return new ProfileChanges(name, null, null, null, null, null);
    }

    private static ProfileChanges preferences(String language, String model, String embedder) {
        return new ProfileChanges(null, null, null, language, model, embedder);
    }

    private static ProfileChanges password(String current, String next) {
        return new ProfileChanges(null, current, next, null, null, null);
    }

    @Nested
    class Lookup {

        @Test
        void profileAndUserReturnTheStoredUser() {
            assertThat(service.profile(alice)).isEqualTo(stored(alice));
            assertThat(service.user(alice)).isEqualTo(stored(alice));
        }

        @Test
        void unknownUserIsRefusedWithUser002() {
            UserId nobody = new UserId(UUID.randomUUID());

            assertThat(refusalOf(() -> service.profile(nobody)).code()).isEqualTo(ErrorCode.USER_002);
            assertThat(refusalOf(() -> service.user(nobody)).code()).isEqualTo(ErrorCode.USER_002);
        }
    }

    @Nested
    class UpdateProfile {

        @Test
        void renamesTheUserAndStampsTheChange() {
            User updated = service.updateProfile(alice, rename("  Alice Smith "));

            assertThat(updated.displayName()).isEqualTo(new DisplayName("Alice Smith"));
            assertThat(updated.updatedAt()).isEqualTo(clock.instant());
            assertThat(stored(alice)).isEqualTo(updated);
        }

        @Test
        void changingNothingKeepsEverything() {
            User before = stored(alice);

            service.updateProfile(alice, new ProfileChanges(null, null, null, null, null, null));

            assertThat(stored(alice)).isEqualTo(before);
        }

        @Test
        void setsOnlyThePreferencesGiven() {
            service.updateProfile(alice, preferences(null, "llama3", "nomic-embed-text"));

            service.updateProfile(alice, preferences("ru", null, null));

            assertThat(stored(alice).preferences()).isEqualTo(new UserPreferences("ru", "llama3", "nomic-embed-text"));
        }

        @Test
        void nullPreferenceKeepsTheOldValue() {
            service.updateProfile(alice, preferences("de", "llama3", null));

            service.updateProfile(alice, preferences(null, null, "bge-m3"));

            assertThat(stored(alice).preferences()).isEqualTo(new UserPreferences("de", "llama3", "bge-m3"));
        }

        @Test
        void blankModelFallsBackToTheServerDefault() {
            service.updateProfile(alice, preferences(null, "llama3", null));

            service.updateProfile(alice, preferences(null, "", null));

            assertThat(stored(alice).preferences().defaultModel()).isNull();
        }

        @Test
        void invalidLanguageIsRefusedWithReq002AndNothingIsSaved() {
            User before = stored(alice);

            assertThat(refusalOf(() -> service.updateProfile(alice,
                    new ProfileChanges("New Name", null, null, "english", null, null))).code())
                    .isEqualTo(ErrorCode.REQ_002);
            assertThat(stored(alice)).isEqualTo(before);
        }

        @Test
        void changesThePasswordWhenTheCurrentOneIsRight() {
            service.updateProfile(alice, password(ALICE_PASSWORD, "brand new password"));

            assertThat(stored(alice).passwordHash()).isEqualTo(FakePasswordHasher.PREFIX + "brand new password");
            assertThatCode(() -> auth.logIn(new LogIn("alice@example.com", "brand new password")))
                    .doesNotThrowAnyException();
            assertThat(refusalOf(() -> auth.logIn(new LogIn("alice@example.com", ALICE_PASSWORD))).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void passwordChangeRevokesEverySessionOfTheUser() {
            AuthSession laptop = auth.logIn(new LogIn("alice@example.com", ALICE_PASSWORD));
            AuthSession adminSession = auth.logIn(new LogIn("admin@example.com", "admin password"));

            service.updateProfile(alice, password(ALICE_PASSWORD, "brand new password"));

            assertThat(standingOf(aliceSession)).isEqualTo(Standing.REVOKED);
            assertThat(standingOf(laptop)).isEqualTo(Standing.REVOKED);
            assertThat(standingOf(adminSession)).isEqualTo(Standing.USABLE);
        }

        @Test
        void wrongCurrentPasswordIsRefusedWithAuth001AndChangesNothing() {
            User before = stored(alice);

            assertThat(refusalOf(() -> service.updateProfile(alice,
                    new ProfileChanges("New Name", "wrong password", "brand new password", null, null, null))).code())
                    .isEqualTo(ErrorCode.AUTH_001);
            assertThat(stored(alice)).isEqualTo(before);
            assertThat(standingOf(aliceSession)).isEqualTo(Standing.USABLE);
        }

        @Test
        void missingCurrentPasswordIsRefusedWithAuth001() {
            assertThat(refusalOf(() -> service.updateProfile(alice, password(null, "brand new password"))).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void tooShortNewPasswordIsRefusedWithReq002AndKeepsTheSessions() {
            assertThat(refusalOf(() -> service.updateProfile(alice, password(ALICE_PASSWORD, "short"))).code())
                    .isEqualTo(ErrorCode.REQ_002);
            assertThat(standingOf(aliceSession)).isEqualTo(Standing.USABLE);
        }

        @Test
        void otherChangesLeaveTheSessionsAlone() {
            service.updateProfile(alice, new ProfileChanges("New Name", null, null, "ru", null, null));

            assertThat(standingOf(aliceSession)).isEqualTo(Standing.USABLE);
        }

        @Test
        void unknownUserIsRefusedWithUser002() {
            assertThat(refusalOf(() -> service.updateProfile(new UserId(UUID.randomUUID()), rename("X"))).code())
                    .isEqualTo(ErrorCode.USER_002);
        }
    }

    @Nested
    class ChangeAccount {

        @Test
        void adminRenamesPromotesAndDeactivatesAnotherUser() {
            User changed = service.changeAccount(admin, alice, new AccountChanges("Alice (ops)", Role.ADMIN, false));

            assertThat(changed.displayName()).isEqualTo(new DisplayName("Alice (ops)"));
            assertThat(changed.role()).isEqualTo(Role.ADMIN);
            assertThat(changed.active()).isFalse();
            assertThat(changed.updatedAt()).isEqualTo(clock.instant());
            assertThat(stored(alice)).isEqualTo(changed);
        }

        @Test
        void nullLeavesAValueAsItIs() {
            User before = stored(alice);

            User changed = service.changeAccount(admin, alice, new AccountChanges(null, null, null));

            assertThat(changed).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(before);
        }

        @Test
        void deactivationRevokesTheUsersSessions() {
            service.changeAccount(admin, alice, new AccountChanges(null, null, false));

            assertThat(standingOf(aliceSession)).isEqualTo(Standing.REVOKED);
            assertThat(refusalOf(() -> auth.refresh(aliceSession.refreshToken().value())).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void otherChangesLeaveTheSessionsAlone() {
            service.changeAccount(admin, alice, new AccountChanges("Renamed", Role.ADMIN, true));

            assertThat(standingOf(aliceSession)).isEqualTo(Standing.USABLE);
        }

        @Test
        void reactivatedUserCanLogInAgain() {
            service.changeAccount(admin, alice, new AccountChanges(null, null, false));

            service.changeAccount(admin, alice, new AccountChanges(null, null, true));

            assertThatCode(() -> auth.logIn(new LogIn("alice@example.com", ALICE_PASSWORD))).doesNotThrowAnyException();
        }

        @Test
        void adminCannotDemoteThemselves() {
            assertThat(refusalOf(() -> service.changeAccount(admin, admin, new AccountChanges(null, Role.USER, null))).code())
                    .isEqualTo(ErrorCode.REQ_002);
            assertThat(stored(admin).role()).isEqualTo(Role.ADMIN);
        }

        @Test
        void adminCannotDeactivateThemselves() {
            assertThat(refusalOf(() -> service.changeAccount(admin, admin, new AccountChanges(null, null, false))).code())
                    .isEqualTo(ErrorCode.REQ_002);
            assertThat(stored(admin).active()).isTrue();
        }

        @Test
        void adminMayRenameThemselves() {
            assertThat(service.changeAccount(admin, admin, new AccountChanges("Root", Role.ADMIN, true)).displayName())
                    .isEqualTo(new DisplayName("Root"));
        }

        @Test
        void adminMayDemoteAnotherAdmin() {
            service.changeAccount(admin, alice, new AccountChanges(null, Role.ADMIN, null));

            service.changeAccount(admin, alice, new AccountChanges(null, Role.USER, null));

            assertThat(stored(alice).role()).isEqualTo(Role.USER);
        }

        @Test
        void unknownUserIsRefusedWithUser002() {
            assertThat(refusalOf(() -> service.changeAccount(admin, new UserId(UUID.randomUUID()),
                    new AccountChanges("X", null, null))).code())
                    .isEqualTo(ErrorCode.USER_002);
        }

        @Test
        void invalidDisplayNameIsRefusedWithReq002() {
            assertThat(refusalOf(() -> service.changeAccount(admin, alice, new AccountChanges(" ", null, null))).code())
                    .isEqualTo(ErrorCode.REQ_002);
        }
    }

    @Nested
    class DeleteAccount {

        @Test
        void deletedUserIsNoLongerFound() {
            service.deleteAccount(admin, alice);

            assertThat(users.userById(alice)).isEmpty();
            assertThat(users.userByEmail(new Email("alice@example.com"))).isEmpty();
            assertThat(refusalOf(() -> service.user(alice)).code()).isEqualTo(ErrorCode.USER_002);
        }

        @Test
        void deletionRevokesTheUsersSessions() {
            service.deleteAccount(admin, alice);

            assertThat(standingOf(aliceSession)).isEqualTo(Standing.REVOKED);
        }

        @Test
        void deletionFreesTheEmail() {
            service.deleteAccount(admin, alice);

            assertThatCode(() -> auth.register(new RegisterUser("alice@example.com", "another password", null)))
                    .doesNotThrowAnyException();
        }

        @Test
        void adminCannotDeleteThemselves() {
            assertThat(refusalOf(() -> service.deleteAccount(admin, admin)).code()).isEqualTo(ErrorCode.REQ_002);
            assertThat(users.userById(admin)).isPresent();
        }

        @Test
        void unknownUserIsRefusedWithUser002() {
            assertThat(refusalOf(() -> service.deleteAccount(admin, new UserId(UUID.randomUUID()))).code())
                    .isEqualTo(ErrorCode.USER_002);
        }

        @Test
        void deletingTwiceIsRefusedWithUser002() {
            service.deleteAccount(admin, alice);

            assertThat(refusalOf(() -> service.deleteAccount(admin, alice)).code()).isEqualTo(ErrorCode.USER_002);
        }
    }

    @Nested
    class Directory {

        @BeforeEach
        void givenThreeMoreUsers() {
            for (String name : new String[] {"bob", "carol", "dave"}) {
                auth.register(new RegisterUser(name + "@example.com", "some password", null));
                clock.advance(Duration.ofMinutes(1));
            }
        }

        @Test
        void blankSearchIsPassedOnAsNull() {
            service.users(new PageRequest(1, 20), "   ");

            assertThat(users.lastSearch()).isNull();
        }

        @Test
        void nullSearchIsPassedOnAsNull() {
            service.users(new PageRequest(1, 20), null);

            assertThat(users.lastSearch()).isNull();
        }

        @Test
        void searchIsPassedOnTrimmed() {
            Page<User> found = service.users(new PageRequest(1, 20), "  CAROL ");

            assertThat(users.lastSearch()).isEqualTo("CAROL");
            assertThat(found.items()).extracting(u -> u.email().value()).containsExactly("carol@example.com");
        }

        @Test
        void listsEveryoneOldestFirst() {
            Page<User> all = service.users(new PageRequest(1, 20), null);

            assertThat(all.items()).extracting(u -> u.email().value()).containsExactly(
                    "admin@example.com", "alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com");
            assertThat(all.total()).isEqualTo(5);
            assertThat(all.pages()).isEqualTo(1);
        }

        @Test
        void paginates() {
            Page<User> second = service.users(new PageRequest(2, 2), null);

            assertThat(second.items()).extracting(u -> u.email().value())
                    .containsExactly("bob@example.com", "carol@example.com");
            assertThat(second.total()).isEqualTo(5);
            assertThat(second.page()).isEqualTo(2);
            assertThat(second.size()).isEqualTo(2);
            assertThat(second.pages()).isEqualTo(3);
        }

        @Test
        void lastPageHoldsTheRemainder() {
            assertThat(service.users(new PageRequest(3, 2), null).items()).extracting(u -> u.email().value())
                    .containsExactly("dave@example.com");
        }

        @Test
        void deletedUsersAreNotListed() {
            service.deleteAccount(admin, alice);

            Page<User> all = service.users(new PageRequest(1, 20), null);

            assertThat(all.total()).isEqualTo(4);
            assertThat(all.items()).extracting(User::id).doesNotContain(alice);
        }
    }
}
