package org.xrm4j.server.async;

class AsyncClusterPostgresTest extends AsyncClusterContract {
    @Override String database() { return "postgresql"; }
}
