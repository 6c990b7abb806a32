package org.xrm4j.server.engine;

class EngineValidationH2Test extends EngineValidationContract {
    @Override String database() { return "h2"; }
}
