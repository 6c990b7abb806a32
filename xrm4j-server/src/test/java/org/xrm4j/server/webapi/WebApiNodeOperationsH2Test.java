package org.xrm4j.server.webapi;

class WebApiNodeOperationsH2Test extends WebApiNodeOperationsContract {
    @Override String database() { return "h2"; }
}
