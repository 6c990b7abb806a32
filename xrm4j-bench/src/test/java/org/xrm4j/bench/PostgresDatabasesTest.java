package org.xrm4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresDatabasesTest {
    @Test void theMaintenanceUrlKeepsHostAndProperties() {
        String url = "jdbc:postgresql://127.0.0.1:5432/xrm4j_bench?user=postgres&password=x";
        assertThat(PostgresDatabases.databaseName(url)).isEqualTo("xrm4j_bench");
        assertThat(PostgresDatabases.maintenanceUrl(url)).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=x");
        assertThat(PostgresDatabases.maintenanceUrl("jdbc:postgresql://db/bench")).isEqualTo("jdbc:postgresql://db/postgres");
        assertThat(PostgresDatabases.address(url)).isEqualTo("127.0.0.1:5432");
    }

    @Test void aUrlWithoutDatabaseIsRejected() {
        assertThatThrownBy(() -> PostgresDatabases.databaseName("jdbc:postgresql://db:5432/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresDatabases.databaseName("jdbc:h2:mem:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
