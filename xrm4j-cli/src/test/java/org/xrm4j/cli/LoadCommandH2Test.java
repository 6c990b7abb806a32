package org.xrm4j.cli;

class LoadCommandH2Test extends LoadCommandContract {
    @Override String database() { return "h2"; }
}
