package org.xrm4j.server.webapi;

class WebApiNodeWritesH2Test extends WebApiNodeWritesContract {
    @Override String database() { return "h2"; }
}
