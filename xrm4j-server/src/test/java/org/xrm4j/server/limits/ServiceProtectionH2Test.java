package org.xrm4j.server.limits;

class ServiceProtectionH2Test extends ServiceProtectionContract {
    @Override String database() { return "h2"; }
}
