package io.ankirag.application.auth;

import io.ankirag.application.port.in.auth.AuthSession;
import io.ankirag.application.port.in.auth.AuthenticatedUserQuery;
import io.ankirag.application.port.in.auth.LogInUseCase;
import io.ankirag.application.port.in.auth.LogOutUseCase;
import io.ankirag.application.port.in.auth.ProvisionAdminUseCase;
import io.ankirag.application.port.in.auth.RefreshSessionUseCase;
import io.ankirag.application.port.in.auth.RegisterUserUseCase;
import io.ankirag.application.port.out.auth.RefreshTokenStorePort;
import io.ankirag.application.port.out.auth.RevokeRefreshTokensPort;
import io.ankirag.application.port.out.user.HashPasswordPort;
import io.ankirag.application.port.out.user.LoadUserPort;
import io.ankirag.application.port.out.user.SaveUserPort;
import io.ankirag.domain.auth.RefreshToken;
import io.ankirag.domain.auth.RefreshTokenSecret;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.shared.UuidV7;
import io.ankirag.domain.user.DisplayName;
import io.ankirag.domain.user.Email;
import io.ankirag.domain.user.Password;
import io.ankirag.domain.user.Role;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

public class AuthService implements RegisterUserUseCase, LogInUseCase, RefreshSessionUseCase, LogOutUseCase,
        AuthenticatedUserQuery, ProvisionAdminUseCase {

    private static final String WRONG_CREDENTIALS = "email or password is wrong";

    private final LoadUserPort loadUser;
    private final SaveUserPort saveUser;
    private final HashPasswordPort passwords;
    private final RefreshTokenStorePort refreshTokens;
    private final RevokeRefreshTokensPort revocations;
    private final AuthSettings settings;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();
    /** Compared against when the email is unknown, so that both failures take as long as each other. */
    private final String decoyHash;

    public AuthService(LoadUserPort loadUser, SaveUserPort saveUser, HashPasswordPort passwords,
                       RefreshTokenStorePort refreshTokens, RevokeRefreshTokensPort revocations,
                       AuthSettings settings, Clock clock) {
        this.loadUser = loadUser;
        this.saveUser = saveUser;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.settings = settings;
        this.clock = clock;
        this.decoyHash = passwords.hash(new Password("decoy-password-never-used"));
    }

    @Override
    public AuthSession register(RegisterUser command) {
        User user = newUser(command.email(), command.password(), command.displayName(), Role.USER);
        return startSession(user);
    }

    @Override
    public AuthSession logIn(LogIn command) {
        Optional<User> found = parseEmail(command.email()).flatMap(loadUser::userByEmail);
        String candidate = command.password() == null ? "" : command.password();
        boolean matches = passwords.matches(candidate, found.map(User::passwordHash).orElse(decoyHash));
        if (found.isEmpty() || !matches) {
            throw new DomainException(ErrorCode.AUTH_001, WRONG_CREDENTIALS);
        }
        User user = found.get();
        user.ensureActive();
        return startSession(user);
    }

    @Override
    public AuthSession refresh(String presented) {
        Instant now = clock.instant();
        RefreshToken current = knownToken(presented)
                .orElseThrow(() -> new DomainException(ErrorCode.AUTH_001, "refresh token is not valid"));
        switch (current.standing(now)) {
            case USABLE -> { }
            case EXPIRED -> throw new DomainException(ErrorCode.AUTH_002, "refresh token expired; log in again");
            case REVOKED -> throw new DomainException(ErrorCode.AUTH_001, "refresh token was revoked; log in again");
            case REUSED -> throw reuseDetected(current, now);
        }
        User user = loadUser.userById(current.userId())
                .orElseThrow(() -> new DomainException(ErrorCode.AUTH_001, "refresh token is not valid"));
        user.ensureActive();
        RefreshTokenSecret secret = RefreshTokenSecret.generate(random);
        RefreshToken successor = RefreshToken.issue(UuidV7.next(clock), user.id(), current.familyId(), secret, now,
                settings.refreshTokenTtl());
        if (!refreshTokens.rotateRefreshToken(current, successor, now)) {
            // Someone changed the token between our read and our write: a concurrent logout, or a concurrent
            // refresh with the same token (two holders, treated as reuse).
            RefreshToken latest = knownToken(presented).orElse(current);
            if (latest.standing(now) == RefreshToken.Standing.REVOKED) {
                throw new DomainException(ErrorCode.AUTH_001, "refresh token was revoked; log in again");
            }
            throw reuseDetected(current, now);
        }
        return new AuthSession(user, secret, successor.expiresAt());
    }

    @Override
    public void logOut(String presented) {
        knownToken(presented).ifPresent(token -> revocations.revokeFamily(token.familyId(), clock.instant()));
    }

    @Override
    public User activeUser(UserId id) {
        User user = loadUser.userById(id)
                .orElseThrow(() -> new DomainException(ErrorCode.AUTH_001, "the account behind this token no longer exists"));
        user.ensureActive();
        return user;
    }

    @Override
    public void ensureAdmin(String email, String password) {
        Email address = new Email(email);
        Optional<User> existing = loadUser.userByEmail(address);
        if (existing.isEmpty()) {
            try {
                newUser(email, password, "Administrator", Role.ADMIN);
                return;
            } catch (DomainException taken) {
                // Another instance starting at the same moment created it first: promote that one instead.
                if (taken.code() != ErrorCode.USER_001) {
                    throw taken;
                }
                existing = loadUser.userByEmail(address);
            }
        }
        User user = existing.orElseThrow();
        if (!user.isAdmin() || !user.active()) {
            Instant now = clock.instant();
            saveUser.updateUser(user.changeRole(Role.ADMIN, now).activate(true, now));
        }
    }

    private User newUser(String email, String password, String displayName, Role role) {
        Email address = new Email(email);
        Password plain = new Password(password);
        DisplayName name = DisplayName.orDefault(displayName, address);
        if (loadUser.userByEmail(address).isPresent()) {
            throw emailTaken();
        }
        User user = User.register(UserId.newId(clock), address, passwords.hash(plain), name, role, clock.instant());
        saveUser.insertUser(user);
        return user;
    }

    private static DomainException emailTaken() {
        return new DomainException(ErrorCode.USER_001, "an account with this email already exists");
    }

    private AuthSession startSession(User user) {
        RefreshTokenSecret secret = RefreshTokenSecret.generate(random);
        RefreshToken token = RefreshToken.issue(UuidV7.next(clock), user.id(), UuidV7.next(clock), secret,
                clock.instant(), settings.refreshTokenTtl());
        refreshTokens.saveRefreshToken(token);
        return new AuthSession(user, secret, token.expiresAt());
    }

    private Optional<RefreshToken> knownToken(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        return refreshTokens.refreshTokenByDigest(new RefreshTokenSecret(presented.strip()).digest());
    }

    private DomainException reuseDetected(RefreshToken token, Instant now) {
        revocations.revokeFamily(token.familyId(), now);
        return new DomainException(ErrorCode.AUTH_001,
                "refresh token was already used; this session has been signed out everywhere, log in again");
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(new Email(raw));
        } catch (DomainException malformed) {
            return Optional.empty();
        }
    }
}
