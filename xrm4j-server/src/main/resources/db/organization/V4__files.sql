-- The contents of file and image columns. A record's column holds the file's id; the bytes live here, written in
-- the same transaction as the record change, so that a record and its file never disagree.
CREATE TABLE xrm_file (
    fileid UUID NOT NULL PRIMARY KEY,
    entityname VARCHAR(128) NOT NULL,
    recordid UUID NOT NULL,
    attributename VARCHAR(128) NOT NULL,
    filename VARCHAR(1024) NOT NULL,
    mimetype VARCHAR(256) NOT NULL,
    filesize BIGINT NOT NULL,
    content ${binary} NOT NULL,
    createdon TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_xrm_file_record ON xrm_file (entityname, recordid, attributename);

-- Upload sessions (InitializeFileBlocksUpload) and their blocks: kept in the database so that a session survives a
-- restart and continues on any server sharing it. Sessions expire; an expired one is removed with its blocks.
CREATE TABLE xrm_fileupload (
    token VARCHAR(64) NOT NULL PRIMARY KEY,
    entityname VARCHAR(128) NOT NULL,
    recordid UUID NOT NULL,
    attributename VARCHAR(128) NOT NULL,
    filename VARCHAR(1024) NOT NULL,
    userid UUID NOT NULL,
    expireson TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE xrm_fileblock (
    token VARCHAR(64) NOT NULL,
    blockid VARCHAR(256) NOT NULL,
    blocksize BIGINT NOT NULL,
    data ${binary} NOT NULL,
    PRIMARY KEY (token, blockid)
);
