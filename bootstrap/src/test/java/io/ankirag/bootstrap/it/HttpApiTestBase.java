package io.ankirag.bootstrap.it;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every HTTP-level test needs: a client for the running server and a way to make throw-away accounts. */
abstract class HttpApiTestBase {

    @LocalServerPort
    int port;

    ApiClient api;
    Accounts accounts;

    @BeforeEach
    void connectToTheRunningServer() {
        api = new ApiClient(port);
        accounts = new Accounts(api);
    }
}
