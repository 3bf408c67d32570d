package io.ankirag.adapter.out.persistence.redis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Rate limits, idempotency keys and signals in Redis, all under one key prefix. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    static final String NAMESPACE = "ankirag:";

    @Bean
    RedisRateLimitCounters redisRateLimitCounters(StringRedisTemplate redis) {
        return new RedisRateLimitCounters(redis, NAMESPACE);
    }

    @Bean
    RedisIdempotencyKeys redisIdempotencyKeys(StringRedisTemplate redis) {
        return new RedisIdempotencyKeys(redis, NAMESPACE);
    }

    /** Connects only once something subscribes, so the application starts while Redis is down. */
    @Bean
    RedisMessageListenerContainer signalsListenerContainer(RedisConnectionFactory connections) {
        return RedisPubSubSignals.listenerContainer(connections);
    }

    @Bean
    RedisPubSubSignals redisPubSubSignals(StringRedisTemplate redis, RedisMessageListenerContainer signalsListenerContainer) {
        return new RedisPubSubSignals(redis, signalsListenerContainer, NAMESPACE);
    }
}
