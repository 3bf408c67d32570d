package io.ankirag.application.auth;

import static io.ankirag.application.fakes.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ankirag.application.fakes.FakePasswordHasher;
import io.ankirag.application.fakes.InMemoryRefreshTokens;
import io.ankirag.application.fakes.InMemoryUsers;
import io.ankirag.application.fakes.MutableClock;
import io.ankirag.application.port.in.auth.AuthSession;
import io.ankirag.application.port.in.auth.LogInUseCase.LogIn;
import io.ankirag.application.port.in.auth.RegisterUserUseCase.RegisterUser;
import io.ankirag.domain.auth.RefreshToken;
import io.ankirag.domain.auth.RefreshToken.Standing;
import io.ankirag.domain.error.DomainException;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuthServiceTest {

    private static final Instant START = Instant.parse("2025-05-01T09:00:00Z");
    private static final Duration TTL = Duration.ofDays(7);
    private static final String PASSWORD = "correct horse";

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryRefreshTokens tokens = new InMemoryRefreshTokens();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final AuthService auth = new AuthService(users, users, hasher, tokens, tokens, new AuthSettings(TTL), clock);

    private AuthSession registerAlice() {
        return auth.register(new RegisterUser("alice@example.com", PASSWORD, null));
    }

    private User stored(String email) {
        return users.userByEmail(new Email(email)).orElseThrow();
    }

    private void deactivate(User user) {
        users.updateUser(user.activate(false, clock.instant()));
    }

    private RefreshToken storedToken(AuthSession session) {
        return tokens.byDigest(session.refreshToken().digest());
    }

    @Nested
    class Register {

        @Test
        void createsAnActiveUserWithDefaultDisplayNameAndPreferences() {
            AuthSession session = registerAlice();

            User alice = stored("alice@example.com");
            assertThat(alice.role()).isEqualTo(Role.USER);
            assertThat(alice.active()).isTrue();
            assertThat(alice.displayName()).isEqualTo(new DisplayName("alice"));
            assertThat(alice.preferences()).isEqualTo(UserPreferences.DEFAULTS);
            assertThat(alice.createdAt()).isEqualTo(START);
            assertThat(session.user()).isEqualTo(alice);
        }

        @Test
        void usesTheRequestedDisplayName() {
            auth.register(new RegisterUser("alice@example.com", PASSWORD, "  Alice Smith "));

            assertThat(stored("alice@example.com").displayName()).isEqualTo(new DisplayName("Alice Smith"));
        }

        @Test
        void storesOnlyTheHashOfThePassword() {
            registerAlice();

            assertThat(stored("alice@example.com").passwordHash()).isEqualTo(FakePasswordHasher.PREFIX + PASSWORD);
        }

        @Test
        void normalisesTheEmail() {
            auth.register(new RegisterUser("  Alice@Example.COM ", PASSWORD, null));

            assertThat(users.userByEmail(new Email("alice@example.com"))).isPresent();
        }

        @Test
        void returnsARefreshTokenWhoseDigestIsStoredForThatUser() {
            AuthSession session = registerAlice();

            RefreshToken token = storedToken(session);
            assertThat(token.userId()).isEqualTo(session.user().id());
            assertThat(token.tokenDigest()).isNotEqualTo(session.refreshToken().value());
            assertThat(token.standing(START)).isEqualTo(Standing.USABLE);
            assertThat(token.expiresAt()).isEqualTo(START.plus(TTL));
            assertThat(session.refreshTokenExpiresAt()).isEqualTo(START.plus(TTL));
        }

        @Test
        void rejectsATakenEmailWithUser001() {
            registerAlice();

            DomainException refusal = refusalOf(() -> auth.register(new RegisterUser("alice@example.com", "other password", null)));

            assertThat(refusal.code()).isEqualTo(ErrorCode.USER_001);
            assertThat(users.liveCount()).isEqualTo(1);
        }

        @Test
        void treatsEmailsThatDifferOnlyInCaseAsTaken() {
            registerAlice();

            DomainException refusal = refusalOf(() -> auth.register(new RegisterUser("ALICE@Example.com", PASSWORD, null)));

            assertThat(refusal.code()).isEqualTo(ErrorCode.USER_001);
        }

        @Test
        void rejectsAMalformedEmailWithReq002AndStoresNothing() {
            DomainException refusal = refusalOf(() -> auth.register(new RegisterUser("not-an-email", PASSWORD, null)));

            assertThat(refusal.code()).isEqualTo(ErrorCode.REQ_002);
            assertThat(users.liveCount()).isZero();
            assertThat(tokens.all()).isEmpty();
        }

        @Test
        void rejectsAShortPasswordWithReq002AndStoresNothing() {
            DomainException refusal = refusalOf(() -> auth.register(new RegisterUser("alice@example.com", "short", null)));

            assertThat(refusal.code()).isEqualTo(ErrorCode.REQ_002);
            assertThat(users.liveCount()).isZero();
        }
    }

    @Nested
    class Login {

        @Test
        void succeedsWithTheRightPasswordAndStartsANewSession() {
            AuthSession registered = registerAlice();

            AuthSession session = auth.logIn(new LogIn("alice@example.com", PASSWORD));

            assertThat(session.user().id()).isEqualTo(registered.user().id());
            assertThat(storedToken(session).familyId()).isNotEqualTo(storedToken(registered).familyId());
            assertThat(storedToken(session).standing(START)).isEqualTo(Standing.USABLE);
        }

        @Test
        void matchesTheEmailIgnoringCaseAndWhitespace() {
            registerAlice();

            assertThat(auth.logIn(new LogIn(" ALICE@example.com ", PASSWORD)).user().email())
                    .isEqualTo(new Email("alice@example.com"));
        }

        @Test
        void wrongPasswordAndUnknownEmailAreRefusedAlikeWithAuth001() {
            registerAlice();

            DomainException wrongPassword = refusalOf(() -> auth.logIn(new LogIn("alice@example.com", "wrong password")));
            DomainException unknownEmail = refusalOf(() -> auth.logIn(new LogIn("nobody@example.com", PASSWORD)));

            assertThat(wrongPassword.code()).isEqualTo(ErrorCode.AUTH_001);
            assertThat(unknownEmail.code()).isEqualTo(ErrorCode.AUTH_001);
            assertThat(unknownEmail.getMessage()).isEqualTo(wrongPassword.getMessage());
        }

        @Test
        void unknownEmailStillCostsAPasswordComparison() {
            int before = hasher.comparisons();

            refusalOf(() -> auth.logIn(new LogIn("nobody@example.com", PASSWORD)));

            assertThat(hasher.comparisons()).isEqualTo(before + 1);
        }

        @Test
        void malformedEmailIsRefusedAsWrongCredentialsNotAsValidationError() {
            assertThat(refusalOf(() -> auth.logIn(new LogIn("not-an-email", PASSWORD))).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void missingPasswordIsRefusedWithAuth001() {
            registerAlice();

            assertThat(refusalOf(() -> auth.logIn(new LogIn("alice@example.com", null))).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void inactiveUserWithTheRightPasswordIsRefusedWithAuth003() {
            deactivate(registerAlice().user());

            assertThat(refusalOf(() -> auth.logIn(new LogIn("alice@example.com", PASSWORD))).code())
                    .isEqualTo(ErrorCode.AUTH_003);
        }

        @Test
        void inactiveUserWithAWrongPasswordLearnsNothingAboutTheAccount() {
            deactivate(registerAlice().user());

            assertThat(refusalOf(() -> auth.logIn(new LogIn("alice@example.com", "wrong password"))).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void refusedLogInIssuesNoToken() {
            registerAlice();
            int before = tokens.all().size();

            refusalOf(() -> auth.logIn(new LogIn("alice@example.com", "wrong password")));

            assertThat(tokens.all()).hasSize(before);
        }
    }

    @Nested
    class Refresh {

        @Test
        void rotatesTheTokenWithinTheSameFamily() {
            AuthSession first = registerAlice();
            clock.advance(Duration.ofHours(1));

            AuthSession second = auth.refresh(first.refreshToken().value());

            RefreshToken old = storedToken(first);
            RefreshToken successor = storedToken(second);
            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(successor.familyId()).isEqualTo(old.familyId());
            assertThat(old.replacedBy()).isEqualTo(successor.id());
            assertThat(old.standing(clock.instant())).isEqualTo(Standing.REUSED);
            assertThat(successor.standing(clock.instant())).isEqualTo(Standing.USABLE);
        }

        @Test
        void newTokenLivesAFullLifetimeFromTheRefresh() {
            AuthSession first = registerAlice();
            clock.advance(Duration.ofDays(3));

            AuthSession second = auth.refresh(first.refreshToken().value());

            assertThat(second.refreshTokenExpiresAt()).isEqualTo(clock.instant().plus(TTL));
        }

        @Test
        void newTokenCanItselfBeRefreshed() {
            AuthSession first = registerAlice();
            AuthSession second = auth.refresh(first.refreshToken().value());

            AuthSession third = auth.refresh(second.refreshToken().value());

            assertThat(third.user().id()).isEqualTo(first.user().id());
        }

        @Test
        void acceptsTheTokenWithSurroundingWhitespace() {
            AuthSession first = registerAlice();

            assertThatCode(() -> auth.refresh(" " + first.refreshToken().value() + "\n")).doesNotThrowAnyException();
        }

        @Test
        void returnsTheCurrentStateOfTheUser() {
            AuthSession first = registerAlice();
            users.updateUser(first.user().rename(new DisplayName("Renamed"), clock.instant()));

            assertThat(auth.refresh(first.refreshToken().value()).user().displayName())
                    .isEqualTo(new DisplayName("Renamed"));
        }

        @Test
        void reuseOfRotatedTokenRevokesTheWholeFamily() {
            AuthSession first = registerAlice();
            AuthSession second = auth.refresh(first.refreshToken().value());

            DomainException refusal = refusalOf(() -> auth.refresh(first.refreshToken().value()));

            assertThat(refusal.code()).isEqualTo(ErrorCode.AUTH_001);
            assertThat(tokens.family(storedToken(first).familyId()))
                    .hasSize(2)
                    .allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
            assertThat(refusalOf(() -> auth.refresh(second.refreshToken().value())).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void reuseInOneSessionLeavesTheUsersOtherSessionsAlone() {
            AuthSession phone = registerAlice();
            AuthSession laptop = auth.logIn(new LogIn("alice@example.com", PASSWORD));
            auth.refresh(phone.refreshToken().value());

            refusalOf(() -> auth.refresh(phone.refreshToken().value()));

            assertThat(storedToken(laptop).standing(clock.instant())).isEqualTo(Standing.USABLE);
        }

        @Test
        void lostRotationRaceIsTreatedAsReuse() {
            AuthSession first = registerAlice();
            tokens.letAnotherRequestRotateFirst();

            DomainException refusal = refusalOf(() -> auth.refresh(first.refreshToken().value()));

            assertThat(refusal.code()).isEqualTo(ErrorCode.AUTH_001);
            assertThat(tokens.family(storedToken(first).familyId()))
                    .hasSize(2) // the original and the winner's successor; the loser stored nothing
                    .allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
        }

        @Test
        void expiredTokenIsRefusedWithAuth002() {
            AuthSession first = registerAlice();
            clock.advance(TTL.plusSeconds(1));

            assertThat(refusalOf(() -> auth.refresh(first.refreshToken().value())).code())
                    .isEqualTo(ErrorCode.AUTH_002);
        }

        @Test
        void tokenIsExpiredExactlyAtItsExpiry() {
            AuthSession first = registerAlice();
            clock.set(first.refreshTokenExpiresAt());

            assertThat(refusalOf(() -> auth.refresh(first.refreshToken().value())).code())
                    .isEqualTo(ErrorCode.AUTH_002);
        }

        @Test
        void tokenStillWorksJustBeforeItsExpiry() {
            AuthSession first = registerAlice();
            clock.set(first.refreshTokenExpiresAt().minusMillis(1));

            assertThatCode(() -> auth.refresh(first.refreshToken().value())).doesNotThrowAnyException();
        }

        @Test
        void deactivatedUserIsRefusedWithAuth003() {
            AuthSession first = registerAlice();
            deactivate(first.user());

            assertThat(refusalOf(() -> auth.refresh(first.refreshToken().value())).code())
                    .isEqualTo(ErrorCode.AUTH_003);
            assertThat(storedToken(first).replacedBy()).as("no rotation for a deactivated user").isNull();
        }

        @Test
        void deletedUserIsRefusedWithAuth001() {
            AuthSession first = registerAlice();
            users.deleteUser(first.user().id(), clock.instant());

            assertThat(refusalOf(() -> auth.refresh(first.refreshToken().value())).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void unknownTokenIsRefusedWithAuth001() {
            registerAlice();

            assertThat(refusalOf(() -> auth.refresh("no-such-token")).code()).isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void missingOrBlankTokenIsRefusedWithAuth001() {
            assertThat(refusalOf(() -> auth.refresh(null)).code()).isEqualTo(ErrorCode.AUTH_001);
            assertThat(refusalOf(() -> auth.refresh("  ")).code()).isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void tokenOfALoggedOutSessionIsRefusedWithAuth001() {
            AuthSession first = registerAlice();
            auth.logOut(first.refreshToken().value());

            assertThat(refusalOf(() -> auth.refresh(first.refreshToken().value())).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }
    }

    @Nested
    class LogOut {

        @Test
        void revokesTheSession() {
            AuthSession session = registerAlice();

            auth.logOut(session.refreshToken().value());

            assertThat(storedToken(session).standing(clock.instant())).isEqualTo(Standing.REVOKED);
        }

        @Test
        void anOlderTokenOfTheSessionEndsTheWholeSession() {
            AuthSession first = registerAlice();
            AuthSession second = auth.refresh(first.refreshToken().value());

            auth.logOut(first.refreshToken().value());

            assertThat(storedToken(second).standing(clock.instant())).isEqualTo(Standing.REVOKED);
        }

        @Test
        void leavesTheUsersOtherSessionsAlone() {
            AuthSession phone = registerAlice();
            AuthSession laptop = auth.logIn(new LogIn("alice@example.com", PASSWORD));

            auth.logOut(phone.refreshToken().value());

            assertThat(storedToken(laptop).standing(clock.instant())).isEqualTo(Standing.USABLE);
        }

        @Test
        void isIdempotent() {
            AuthSession session = registerAlice();
            auth.logOut(session.refreshToken().value());
            Instant firstRevocation = storedToken(session).revokedAt();
            clock.advance(Duration.ofMinutes(5));

            assertThatCode(() -> auth.logOut(session.refreshToken().value())).doesNotThrowAnyException();
            assertThat(storedToken(session).revokedAt()).isEqualTo(firstRevocation);
        }

        @Test
        void ignoresUnknownMissingAndBlankTokens() {
            AuthSession session = registerAlice();

            assertThatCode(() -> {
                auth.logOut("no-such-token");
                auth.logOut(null);
                auth.logOut("   ");
            }).doesNotThrowAnyException();
            assertThat(storedToken(session).standing(clock.instant())).isEqualTo(Standing.USABLE);
        }
    }

    @Nested
    class ActiveUser {

        @Test
        void returnsTheActiveUser() {
            AuthSession session = registerAlice();

            assertThat(auth.activeUser(session.user().id())).isEqualTo(stored("alice@example.com"));
        }

        @Test
        void unknownIdIsRefusedWithAuth001() {
            assertThat(refusalOf(() -> auth.activeUser(new UserId(UUID.randomUUID()))).code())
                    .isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void deletedUserIsRefusedWithAuth001() {
            UserId id = registerAlice().user().id();
            users.deleteUser(id, clock.instant());

            assertThat(refusalOf(() -> auth.activeUser(id)).code()).isEqualTo(ErrorCode.AUTH_001);
        }

        @Test
        void inactiveUserIsRefusedWithAuth003() {
            User alice = registerAlice().user();
            deactivate(alice);

            assertThat(refusalOf(() -> auth.activeUser(alice.id())).code()).isEqualTo(ErrorCode.AUTH_003);
        }
    }

    @Nested
    class EnsureAdmin {

        @Test
        void createsAnActiveAdministratorWhoCanLogIn() {
            auth.ensureAdmin("Admin@Example.com", "admin password");

            User admin = stored("admin@example.com");
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.active()).isTrue();
            assertThat(admin.displayName()).isEqualTo(new DisplayName("Administrator"));
            assertThat(auth.logIn(new LogIn("admin@example.com", "admin password")).user().isAdmin()).isTrue();
        }

        @Test
        void issuesNoSessionWhenCreatingTheAdministrator() {
            auth.ensureAdmin("admin@example.com", "admin password");

            assertThat(tokens.all()).isEmpty();
        }

        @Test
        void promotesAnExistingUserAndKeepsTheirPassword() {
            registerAlice();
            clock.advance(Duration.ofMinutes(1));

            auth.ensureAdmin("alice@example.com", "a different password");

            User alice = stored("alice@example.com");
            assertThat(alice.role()).isEqualTo(Role.ADMIN);
            assertThat(alice.updatedAt()).isEqualTo(clock.instant());
            assertThat(alice.passwordHash()).isEqualTo(FakePasswordHasher.PREFIX + PASSWORD);
            assertThat(users.liveCount()).isEqualTo(1);
        }

        @Test
        void reactivatesADeactivatedAdministrator() {
            auth.ensureAdmin("admin@example.com", "admin password");
            deactivate(stored("admin@example.com"));

            auth.ensureAdmin("admin@example.com", "admin password");

            assertThat(stored("admin@example.com").active()).isTrue();
        }

        @Test
        void promotesAndReactivatesADeactivatedUserAtOnce() {
            deactivate(registerAlice().user());

            auth.ensureAdmin("alice@example.com", PASSWORD);

            User alice = stored("alice@example.com");
            assertThat(alice.role()).isEqualTo(Role.ADMIN);
            assertThat(alice.active()).isTrue();
        }

        @Test
        void isIdempotent() {
            auth.ensureAdmin("admin@example.com", "admin password");
            User afterFirst = stored("admin@example.com");
            clock.advance(Duration.ofHours(1));

            auth.ensureAdmin("admin@example.com", "admin password");

            assertThat(users.liveCount()).isEqualTo(1);
            assertThat(stored("admin@example.com")).isEqualTo(afterFirst);
        }

        @Test
        void rejectsAMalformedEmailWithReq002() {
            assertThat(refusalOf(() -> auth.ensureAdmin("admin", "admin password")).code())
                    .isEqualTo(ErrorCode.REQ_002);
        }

        @Test
        void rejectsAShortPasswordForANewAdministratorWithReq002() {
            assertThat(refusalOf(() -> auth.ensureAdmin("admin@example.com", "short")).code())
                    .isEqualTo(ErrorCode.REQ_002);
            assertThat(users.liveCount()).isZero();
        }
    }
}
