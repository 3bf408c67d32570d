package io.ankirag.bootstrap.config;

import io.ankirag.application.port.in.sync.RunImportJobsUseCase;
import io.ankirag.application.port.in.sync.RunSyncTasksUseCase;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The worker threads of the durable queues: the same claim-run-renew loop for imports and for syncs with Anki. */
@Configuration(proxyBeanMethods = false)
class QueuedWorkConfiguration {

    @Bean
    QueuedWorkWorkers importJobWorkers(RunImportJobsUseCase jobs, @Value("${ankirag.import.workers}") int workers,
                                       @Value("${ankirag.import.poll-interval}") Duration pollInterval) {
        return new QueuedWorkWorkers("import", jobs, workers, pollInterval);
    }

    @Bean
    QueuedWorkWorkers syncTaskWorkers(RunSyncTasksUseCase tasks, @Value("${ankirag.sync.workers}") int workers,
                                      @Value("${ankirag.sync.poll-interval}") Duration pollInterval) {
        return new QueuedWorkWorkers("sync", tasks, workers, pollInterval);
    }
}
