-- Global option sets defined on their own (CreateOptionSet); a column that uses one copies its options.
CREATE TABLE xrm_optionset (
    name       VARCHAR(256) NOT NULL PRIMARY KEY,
    definition ${memo}      NOT NULL
);
