package io.ankirag.bootstrap.config;

import io.ankirag.application.port.in.auth.ProvisionAdminUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A self-hosted install needs a first administrator; {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD} name it.
 * Without them the server runs with no admin until one is configured.
 */
@Component
class AdminAccountInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);

    private final ProvisionAdminUseCase provision;
    private final String email;
    private final String password;

    AdminAccountInitializer(ProvisionAdminUseCase provision,
                            @Value("${ankirag.admin.email:}") String email,
                            @Value("${ankirag.admin.password:}") String password) {
        this.provision = provision;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || password.isBlank()) {
            log.info("No ADMIN_EMAIL/ADMIN_PASSWORD set: no administrator account is provisioned");
            return;
        }
        provision.ensureAdmin(email, password);
        log.info("Administrator account {} is ready", email);
    }
}
