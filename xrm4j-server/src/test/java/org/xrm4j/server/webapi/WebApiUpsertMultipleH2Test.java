package org.xrm4j.server.webapi;

class WebApiUpsertMultipleH2Test extends WebApiUpsertMultipleContract {
    @Override String database() { return "h2"; }
}
