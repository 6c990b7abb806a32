package org.xrm4j.server.limits;

class BulkThrottlingPostgresTest extends BulkThrottlingContract {
    @Override String database() { return "postgresql"; }
}
