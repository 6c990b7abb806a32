-- One organization's system tables. Its record tables are made from metadata by the DDL engine.
CREATE TABLE xrm_entity (
    logicalname VARCHAR(128) NOT NULL PRIMARY KEY,
    definition  ${memo}      NOT NULL
);

CREATE TABLE xrm_relationship (
    schemaname VARCHAR(256) NOT NULL PRIMARY KEY,
    definition ${memo}      NOT NULL
);

CREATE TABLE xrm_userrole (
    systemuserid UUID         NOT NULL,
    rolename     VARCHAR(100) NOT NULL,
    PRIMARY KEY (systemuserid, rolename)
);

-- versionnumber of every record: grows on every write, organization-wide, like the platform's rowversion.
CREATE SEQUENCE xrm_version START WITH 1000;
