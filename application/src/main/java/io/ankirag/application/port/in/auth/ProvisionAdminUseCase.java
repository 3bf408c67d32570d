package io.ankirag.application.port.in.auth;

public interface ProvisionAdminUseCase {

    /**
     * Makes sure an administrator with this email exists: creates it, or promotes and reactivates the
     * existing user (whose password is then left as it is). Idempotent, run at start-up.
     */
    void ensureAdmin(String email, String password);
}
