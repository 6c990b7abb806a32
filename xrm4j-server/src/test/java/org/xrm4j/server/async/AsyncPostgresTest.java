package org.xrm4j.server.async;

class AsyncPostgresTest extends AsyncContract {
    @Override String database() { return "postgresql"; }
}
