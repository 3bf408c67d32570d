package io.ankirag.adapter.out.persistence.config;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

@Configuration(proxyBeanMethods = false)
class JdbiConfiguration {

    /**
     * Jdbi joins Spring-managed transactions through the proxy, so a projection's writes commit or roll back
     * together with the Axon tracking token that the same unit of work stores.
     */
    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(new TransactionAwareDataSourceProxy(dataSource)).installPlugin(new PostgresPlugin());
    }
}
