package org.xrm4j.server.engine;

class UnitOfWorkPostgresTest extends UnitOfWorkContract {
    @Override String database() { return "postgresql"; }
}
