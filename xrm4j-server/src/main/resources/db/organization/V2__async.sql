-- One row per organization schema: claimers lock it so that deciding which system job runs next is serialized
-- across every server process on the database.
CREATE TABLE xrm_asynclock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO xrm_asynclock (id) VALUES (1);
