'use strict';
// Drives alternate keys and metadata deletes with the dynamics-web-api client: a key created on
// EntityDefinitions(…)/Keys, read as a collection and by name, enforced on create (412), used in an address, deleted;
// then a column and a table deleted (this client version has no deleteEntity/deleteAttribute: deleteRecord on the
// metadata paths sends the same DELETE). Prints one JSON summary line.
// Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... node keys.js
const { client, failure, run } = require('./client');

const api = client();
const labelOf = (text) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.Label', LocalizedLabels: [{ Label: text, LanguageCode: 1033 }] });

async function main() {
  const s = {};
  const table = "LogicalName='keys_item'";
  await api.createEntity({
    data: {
      '@odata.type': 'Microsoft.Dynamics.CRM.EntityMetadata', SchemaName: 'keys_Item', DisplayName: labelOf('Item'),
      OwnershipType: 'UserOwned', HasActivities: false, HasNotes: false,
      Attributes: [{ '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata', SchemaName: 'keys_Name', MaxLength: 100, IsPrimaryName: true }],
    },
  });
  await api.createAttribute({ entityKey: table, data: { '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata', SchemaName: 'keys_Code', MaxLength: 20 } });
  await api.createAttribute({ entityKey: table, data: { '@odata.type': 'Microsoft.Dynamics.CRM.IntegerAttributeMetadata', SchemaName: 'keys_Qty' } });

  s.createdKey = await api.create({
    collection: 'EntityDefinitions', key: table, navigationProperty: 'Keys',
    data: { '@odata.type': 'Microsoft.Dynamics.CRM.EntityKeyMetadata', SchemaName: 'keys_CodeKey', DisplayName: labelOf('Code'), KeyAttributes: ['keys_code'] },
  });
  const all = await api.retrieve({ collection: 'EntityDefinitions', key: table, navigationProperty: 'Keys' });
  s.keys = all.value.map((k) => ({ name: k.LogicalName, attributes: k.KeyAttributes, status: k.EntityKeyIndexStatus, id: k.MetadataId }));
  const one = await api.retrieve({ collection: 'EntityDefinitions', key: table, navigationProperty: 'Keys', navigationPropertyKey: "LogicalName='keys_codekey'" });
  s.one = { schemaName: one.SchemaName, entity: one.EntityLogicalName, label: one.DisplayName.UserLocalizedLabel.Label };
  const expanded = await api.retrieveEntity({ key: table, select: ['LogicalName'], expand: [{ property: 'Keys' }] });
  s.expanded = expanded.Keys.map((k) => k.LogicalName);

  const first = await api.create({ collection: 'keys_items', data: { keys_name: 'first', keys_code: 'C-1' } });
  s.duplicate = await failure(api.create({ collection: 'keys_items', data: { keys_name: 'second', keys_code: 'C-1' } }));
  await api.update({ collection: 'keys_items', key: "keys_code='C-1'", data: { keys_name: 'first by key' } });
  s.byKey = (await api.retrieve({ collection: 'keys_items', key: first, select: ['keys_name'] })).keys_name;
  s.keyedColumn = await failure(api.deleteRecord({
    collection: 'EntityDefinitions', key: table, navigationProperty: 'Attributes', navigationPropertyKey: "LogicalName='keys_code'",
  }));

  s.deletedKey = await api.deleteRecord({ collection: 'EntityDefinitions', key: table, navigationProperty: 'Keys', navigationPropertyKey: "LogicalName='keys_codekey'" });
  s.keysAfter = (await api.retrieve({ collection: 'EntityDefinitions', key: table, navigationProperty: 'Keys' })).value.length;
  s.duplicateAfter = typeof (await api.create({ collection: 'keys_items', data: { keys_name: 'third', keys_code: 'C-1' } }));

  s.deletedAttribute = await api.deleteRecord({
    collection: 'EntityDefinitions', key: table, navigationProperty: 'Attributes', navigationPropertyKey: "LogicalName='keys_qty'",
  });
  s.attributeAfter = await failure(api.retrieveAttribute({ entityKey: table, attributeKey: "LogicalName='keys_qty'" }));
  s.systemTable = await failure(api.deleteRecord({ collection: 'EntityDefinitions', key: "LogicalName='account'" }));
  s.deletedEntity = await api.deleteRecord({ collection: 'EntityDefinitions', key: table });
  s.entityAfter = await failure(api.retrieveEntity({ key: table }));
  return s;
}

run(main);
