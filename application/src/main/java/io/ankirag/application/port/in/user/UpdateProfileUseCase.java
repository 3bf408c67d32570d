package io.ankirag.application.port.in.user;

import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;

public interface UpdateProfileUseCase {

    /**
     * A user's changes to their own account; {@code null} leaves a value as it is. Changing the password
     * requires the current one and ends every session, the caller's included: the client logs in again.
     */
    record ProfileChanges(
            String displayName,
            String currentPassword,
            String newPassword,
            String preferredLanguage,
            String defaultModel,
            String defaultEmbedder) {
    }

    /**
     * @throws io.ankirag.domain.error.DomainException {@code AUTH_001} when the current password is wrong,
     *                                                 {@code REQ_002} when a value is invalid
     */
    User updateProfile(UserId id, ProfileChanges changes);
}
