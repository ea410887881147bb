package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * With {@code mandate.datasource.replica.url} set, read-only public requests take their connections from the
 * replica pool and everything else from the primary. Here the replica is a second, read-only pool on the
 * same database, as a streaming replica would be.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mandate.datasource.replica.url=${spring.datasource.url}")
@ActiveProfiles({"demo", "test"})
class ReadReplicaIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    HikariDataSource replicaDataSource;

    @Test
    void publicReadsGoToTheReplicaAndStaffWorkToThePrimary() {
        ReadReplica.Routing routing = (ReadReplica.Routing) dataSource;
        assertThat(replicaDataSource.isReadOnly()).isTrue();

        long before = routing.replicaConnections();
        Api.Response publications = Api.anonymous(port).get("/api/v1/public/publications");
        assertThat(publications.status()).isEqualTo(200);
        long afterPublic = routing.replicaConnections();
        assertThat(afterPublic).isGreaterThan(before);

        Api.Response tasks = Api.as(port, "steering").get("/api/v1/tasks?size=5");
        assertThat(tasks.status()).isEqualTo(200);
        Api.Response created = Api.as(port, "steering").post("/api/v1/indicators", "{}");
        assertThat(created.status()).isEqualTo(400);
        assertThat(routing.replicaConnections()).isEqualTo(afterPublic);
    }
}
