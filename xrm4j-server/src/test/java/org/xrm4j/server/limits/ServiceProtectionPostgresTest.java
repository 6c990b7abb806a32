package org.xrm4j.server.limits;

class ServiceProtectionPostgresTest extends ServiceProtectionContract {
    @Override String database() { return "postgresql"; }
}
