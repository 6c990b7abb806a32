package org.xrm4j.server.engine;

class EngineConcurrencyH2Test extends EngineConcurrencyContract {
    @Override String database() { return "h2"; }
}
