package io.ankirag.bootstrap.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AxonProcessingConfiguration {

    /**
     * Projections run in tracking processors: replayable from the event store, batched so that a replay commits
     * many events per transaction, and woken by the embedded event store on every commit. (Pooled streaming
     * processors poll the embedded store every 500 ms instead, which would make every write wait that long.)
     */
    @Bean
    ConfigurerModule trackingProjections(@Value("${ankirag.projections.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)
                                // An instance that starts while another holds the tokens takes over within a second.
                                .andTokenClaimInterval(1, TimeUnit.SECONDS))
                // Axon's default logs a failing projection handler and moves on, silently losing that write;
                // failing the batch instead rolls it back and retries it, so a read model never skips an event.
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance()));
    }

    /**
     * Axon names a token owner after the JVM ("pid@host"), so two application contexts in one JVM (as in the
     * test suite) would both believe they hold a projection's claim and process the same events twice. A
     * random suffix makes every application instance its own owner.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(new TokenSchema())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }

    /** Copies the acting user from each command onto the events it causes: the "who" of card history. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(AxonCommandSender.ACTOR);
    }
}
