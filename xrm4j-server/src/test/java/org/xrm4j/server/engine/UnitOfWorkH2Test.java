package org.xrm4j.server.engine;

class UnitOfWorkH2Test extends UnitOfWorkContract {
    @Override String database() { return "h2"; }
}
