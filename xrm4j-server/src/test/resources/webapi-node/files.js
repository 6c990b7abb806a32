'use strict';
// Drives file columns with the dynamics-web-api client: a table with a file column, a file larger than one chunk
// uploaded with uploadFile (chunked) and read back with downloadFile (in 4 MB ranges), a small one replacing it,
// the record showing the file id, and deleteRecord on the column clearing it. Prints one JSON summary line.
// Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... node files.js
const crypto = require('crypto');
const { client, failure, run } = require('./client');

const api = client();
const labelOf = (text) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.Label', LocalizedLabels: [{ Label: text, LanguageCode: 1033 }] });
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');

async function main() {
  const s = {};
  await api.createEntity({
    data: {
      '@odata.type': 'Microsoft.Dynamics.CRM.EntityMetadata', SchemaName: 'node_Doc', DisplayName: labelOf('Doc'),
      OwnershipType: 'UserOwned', HasActivities: false, HasNotes: false,
      Attributes: [{ '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata', SchemaName: 'node_Name', MaxLength: 100, IsPrimaryName: true }],
    },
  });
  await api.createAttribute({ entityKey: "LogicalName='node_doc'", data: { '@odata.type': 'Microsoft.Dynamics.CRM.FileAttributeMetadata', SchemaName: 'node_File', MaxSizeInKB: 10240 } });
  const attribute = await api.retrieveAttribute({ entityKey: "LogicalName='node_doc'", attributeKey: "LogicalName='node_file'" });
  s.attributeType = attribute['@odata.type'];
  s.maxSizeInKB = attribute.MaxSizeInKB;

  const id = await api.create({ collection: 'node_docs', data: { node_name: 'with a file' } });
  const big = crypto.randomBytes(5 * 1024 * 1024 + 12345);
  await api.uploadFile({ collection: 'node_docs', key: id, fieldName: 'node_file', fileName: 'big.bin', data: big });
  const record = await api.retrieve({ collection: 'node_docs', key: id, select: ['node_file'] });
  s.fileId = record.node_file;

  const down = await api.downloadFile({ collection: 'node_docs', key: id, fieldName: 'node_file' });
  s.uploaded = { size: big.length, sha: sha(big) };
  s.downloaded = { size: down.data.length, sha: sha(down.data), fileName: down.fileName, fileSize: down.fileSize };

  // Exactly one chunk: the client sends an extra empty chunk after it.
  const exact = crypto.randomBytes(4 * 1024 * 1024);
  await api.uploadFile({ collection: 'node_docs', key: id, fieldName: 'node_file', fileName: 'exact.bin', data: exact });
  const exactDown = await api.downloadFile({ collection: 'node_docs', key: id, fieldName: 'node_file' });
  s.exact = { same: sha(exact) === sha(exactDown.data), fileName: exactDown.fileName };

  const small = Buffer.from('small text file\n');
  await api.uploadFile({ collection: 'node_docs', key: id, fieldName: 'node_file', fileName: 'small.txt', data: small });
  const smallDown = await api.downloadFile({ collection: 'node_docs', key: id, fieldName: 'node_file' });
  s.small = { text: smallDown.data.toString('utf8'), fileName: smallDown.fileName, changedId: (await api.retrieve({ collection: 'node_docs', key: id, select: ['node_file'] })).node_file !== s.fileId };

  await api.deleteRecord({ collection: 'node_docs', key: id, fieldName: 'node_file' });
  s.afterDelete = (await api.retrieve({ collection: 'node_docs', key: id, select: ['node_file'] })).node_file;
  s.emptyDownload = await failure(api.downloadFile({ collection: 'node_docs', key: id, fieldName: 'node_file' }));
  return s;
}

run(main);
