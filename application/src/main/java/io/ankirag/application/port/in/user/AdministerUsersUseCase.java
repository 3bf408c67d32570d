package io.ankirag.application.port.in.user;

import io.ankirag.domain.user.Role;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;

/** What an administrator may do to other accounts. Callers must already have checked the admin role. */
public interface AdministerUsersUseCase {

    /** {@code null} leaves a value as it is. */
    record AccountChanges(String displayName, Role role, Boolean active) {
    }

    /**
     * Deactivating a user also revokes all their sessions.
     *
     * @throws io.ankirag.domain.error.DomainException {@code USER_002} for an unknown user, {@code REQ_002} when
     *                                                 an administrator would demote or deactivate themselves
     */
    User changeAccount(UserId actor, UserId target, AccountChanges changes);

    /**
     * Soft-deletes the account and revokes its sessions; the email becomes free again.
     *
     * @throws io.ankirag.domain.error.DomainException {@code USER_002} for an unknown user, {@code REQ_002} when
     *                                                 an administrator would delete themselves
     */
    void deleteAccount(UserId actor, UserId target);
}
