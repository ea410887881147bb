package org.mandate.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * A read replica for the public side, when {@code mandate.datasource.replica.url} is set: read-only public
 * requests (GET and HEAD under {@code /api/v1/public/} and {@code /public/}, see
 * {@code shared.web.ReadReplicaFilter}) take their connections from the replica; everything else, and every
 * request when the setting is absent, from the primary ({@code spring.datasource.*}). A replica lags its
 * primary by a moment: the public side reads publications, which never change once written.
 */
@Configuration
@ConditionalOnExpression("!'${mandate.datasource.replica.url:}'.isBlank()")
public class ReadReplica {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource primaryDataSource(DataSourceProperties properties) {
        return properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
    }

    @Bean
    @ConfigurationProperties("mandate.datasource.replica.hikari")
    HikariDataSource replicaDataSource(
            @org.springframework.beans.factory.annotation.Value("${mandate.datasource.replica.url}") String url,
            @org.springframework.beans.factory.annotation.Value(
                            "${mandate.datasource.replica.username:${spring.datasource.username:}}")
                    String username,
            @org.springframework.beans.factory.annotation.Value(
                            "${mandate.datasource.replica.password:${spring.datasource.password:}}")
                    String password) {
        HikariDataSource replica = new HikariDataSource();
        replica.setJdbcUrl(url);
        replica.setUsername(username);
        replica.setPassword(password);
        replica.setReadOnly(true);
        replica.setPoolName("replica");
        return replica;
    }

    @Bean
    @Primary
    Routing dataSource(HikariDataSource primaryDataSource, HikariDataSource replicaDataSource) {
        log.info("Read-only public requests use the replica at {}", replicaDataSource.getJdbcUrl());
        return new Routing(primaryDataSource, replicaDataSource);
    }

    /** Marks the current thread's work as a read-only public request until the scope closes. */
    public static ThreadScope publicRead() {
        Routing.READ_ONLY_PUBLIC.set(Boolean.TRUE);
        return Routing.READ_ONLY_PUBLIC::remove;
    }

    /** The primary, or the replica for a thread marked by {@link #publicRead()}. */
    static final class Routing extends AbstractRoutingDataSource {

        static final ThreadLocal<Boolean> READ_ONLY_PUBLIC = new ThreadLocal<>();
        private final AtomicLong replicaConnections = new AtomicLong();

        Routing(DataSource primary, DataSource replica) {
            setTargetDataSources(Map.of("primary", primary, "replica", replica));
            setDefaultTargetDataSource(primary);
            afterPropertiesSet();
        }

        @Override
        protected Object determineCurrentLookupKey() {
            if (Boolean.TRUE.equals(READ_ONLY_PUBLIC.get())) {
                replicaConnections.incrementAndGet();
                return "replica";
            }
            return "primary";
        }

        /** How many connections were taken from the replica (for the operator and the tests). */
        long replicaConnections() {
            return replicaConnections.get();
        }
    }
}
