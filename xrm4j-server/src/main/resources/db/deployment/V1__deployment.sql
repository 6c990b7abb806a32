-- Deployment-wide tables: the organizations this server hosts, bearer tokens (hashes only), deployment settings.
CREATE TABLE xrm_organization (
    uniquename     VARCHAR(64)  NOT NULL PRIMARY KEY,
    organizationid UUID         NOT NULL,
    schemaname     VARCHAR(64)  NOT NULL,
    isdefault      BOOLEAN      NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE xrm_token (
    tokenhash       VARCHAR(64) NOT NULL PRIMARY KEY,
    systemuserid    UUID        NOT NULL,
    organization    VARCHAR(64),
    deploymentadmin BOOLEAN     NOT NULL,
    createdon       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE xrm_setting (
    name  VARCHAR(128)  NOT NULL PRIMARY KEY,
    settingvalue VARCHAR(4000) NOT NULL
);
