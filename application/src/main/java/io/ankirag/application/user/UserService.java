package io.ankirag.application.user;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.user.AdministerUsersUseCase;
import io.ankirag.application.port.in.user.UpdateProfileUseCase;
import io.ankirag.application.port.in.user.UserDirectoryQuery;
import io.ankirag.application.port.in.user.UserProfileQuery;
import io.ankirag.application.port.out.auth.RevokeRefreshTokensPort;
import io.ankirag.application.port.out.user.HashPasswordPort;
import io.ankirag.application.port.out.user.ListUsersPort;
import io.ankirag.application.port.out.user.LoadUserPort;
import io.ankirag.application.port.out.user.SaveUserPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.DisplayName;
import io.ankirag.domain.user.Password;
import io.ankirag.domain.user.Role;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import io.ankirag.domain.user.UserPreferences;
import java.time.Clock;
import java.time.Instant;

public class UserService implements UserProfileQuery, UpdateProfileUseCase, AdministerUsersUseCase, UserDirectoryQuery {

    private final LoadUserPort loadUser;
    private final SaveUserPort saveUser;
    private final ListUsersPort listUsers;
    private final HashPasswordPort passwords;
    private final RevokeRefreshTokensPort revocations;
    private final Clock clock;

    public UserService(LoadUserPort loadUser, SaveUserPort saveUser, ListUsersPort listUsers,
                       HashPasswordPort passwords, RevokeRefreshTokensPort revocations, Clock clock) {
        this.loadUser = loadUser;
        this.saveUser = saveUser;
        this.listUsers = listUsers;
        this.passwords = passwords;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    public User profile(UserId id) {
        return existing(id);
    }

    @Override
    public User user(UserId id) {
        return existing(id);
    }

    @Override
    public Page<User> users(PageRequest page, String search) {
        return listUsers.listUsers(page, search == null || search.isBlank() ? null : search.strip());
    }

    @Override
    public User updateProfile(UserId id, ProfileChanges changes) {
        Instant now = clock.instant();
        User user = existing(id);
        if (changes.displayName() != null) {
            user = user.rename(new DisplayName(changes.displayName()), now);
        }
        if (changes.preferredLanguage() != null || changes.defaultModel() != null || changes.defaultEmbedder() != null) {
            UserPreferences old = user.preferences();
            user = user.changePreferences(new UserPreferences(
                    changes.preferredLanguage() != null ? changes.preferredLanguage() : old.preferredLanguage(),
                    changes.defaultModel() != null ? changes.defaultModel() : old.defaultModel(),
                    changes.defaultEmbedder() != null ? changes.defaultEmbedder() : old.defaultEmbedder()), now);
        }
        boolean passwordChanged = changes.newPassword() != null;
        if (passwordChanged) {
            if (changes.currentPassword() == null || !passwords.matches(changes.currentPassword(), user.passwordHash())) {
                throw new DomainException(ErrorCode.AUTH_001, "current_password is wrong");
            }
            user = user.changePassword(passwords.hash(new Password(changes.newPassword())), now);
        }
        saveUser.updateUser(user);
        if (passwordChanged) {
            // Whoever learnt the old password may hold a session; the caller keeps theirs via a fresh login.
            revocations.revokeAllOf(user.id(), now);
        }
        return user;
    }

    @Override
    public User changeAccount(UserId actor, UserId target, AccountChanges changes) {
        Instant now = clock.instant();
        User user = existing(target);
        boolean self = actor.equals(target);
        if (self && changes.role() == Role.USER) {
            throw new DomainException(ErrorCode.REQ_002, "administrators cannot demote themselves");
        }
        if (self && Boolean.FALSE.equals(changes.active())) {
            throw new DomainException(ErrorCode.REQ_002, "administrators cannot deactivate themselves");
        }
        if (changes.displayName() != null) {
            user = user.rename(new DisplayName(changes.displayName()), now);
        }
        if (changes.role() != null) {
            user = user.changeRole(changes.role(), now);
        }
        if (changes.active() != null) {
            user = user.activate(changes.active(), now);
        }
        saveUser.updateUser(user);
        if (!user.active()) {
            revocations.revokeAllOf(user.id(), now);
        }
        return user;
    }

    @Override
    public void deleteAccount(UserId actor, UserId target) {
        if (actor.equals(target)) {
            throw new DomainException(ErrorCode.REQ_002, "administrators cannot delete themselves");
        }
        existing(target);
        Instant now = clock.instant();
        saveUser.deleteUser(target, now);
        revocations.revokeAllOf(target, now);
    }

    private User existing(UserId id) {
        return loadUser.userById(id)
                .orElseThrow(() -> new DomainException(ErrorCode.USER_002, "no user with id " + id));
    }
}
