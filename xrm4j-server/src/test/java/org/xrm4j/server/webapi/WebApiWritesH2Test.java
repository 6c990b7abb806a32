package org.xrm4j.server.webapi;

class WebApiWritesH2Test extends WebApiWritesContract {
    @Override String database() { return "h2"; }
}
