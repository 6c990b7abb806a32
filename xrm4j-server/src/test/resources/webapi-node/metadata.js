'use strict';
// Reads (and writes) the Web API's metadata with the dynamics-web-api client, and checks the $metadata document with
// the OASIS CSDL converter in strict mode. Prints one JSON summary line.
// Usage: XRM4J_URL=… XRM4J_TOKEN=… node metadata.js
const { client, failure, run } = require('./client');
const { xml2json } = require('odata-csdl');

const api = client();
const label = (l) => l && l.UserLocalizedLabel ? l.UserLocalizedLabel.Label : null;

/** Every type a CSDL JSON document names resolves to one it declares (or to Edm). */
function unresolved(csdl) {
  const schema = csdl['Microsoft.Dynamics.CRM'];
  const resolve = (t) => {
    const name = t.replace(/^Collection\((.*)\)$/, '$1');
    if (name.startsWith('Edm.')) return true;
    const local = name.replace(/^(mscrm|Microsoft\.Dynamics\.CRM)\./, '');
    return schema[local] !== undefined;
  };
  const missing = [];
  for (const [name, element] of Object.entries(schema)) {
    if (element.$Kind === 'EntityType') {
      if (element.$BaseType && !resolve(element.$BaseType)) missing.push(name + ' base ' + element.$BaseType);
      for (const [p, v] of Object.entries(element)) {
        if (v && v.$Kind === 'NavigationProperty') {
          if (!resolve(v.$Type)) missing.push(name + '.' + p + ' -> ' + v.$Type);
          if (v.$Partner) {
            const target = schema[v.$Type.replace(/^Collection\((.*)\)$/, '$1').replace(/^(mscrm|Microsoft\.Dynamics\.CRM)\./, '')];
            if (!target || !target[v.$Partner]) missing.push(name + '.' + p + ' partner ' + v.$Partner);
          }
        }
      }
    }
    if (element.$Kind === 'EntityContainer') {
      for (const [set, v] of Object.entries(element)) {
        if (v && v.$Collection && !resolve(v.$Type)) missing.push('set ' + set + ' -> ' + v.$Type);
      }
    }
  }
  return missing;
}

async function reads(s) {
  const named = client({ useEntityNames: true });
  const viaLogicalName = await named.retrieveMultiple({ collection: 'account', select: ['name'], top: 1 });
  s.useEntityNames = Array.isArray(viaLogicalName.value);

  const account = await api.retrieveEntity({
    key: "LogicalName='account'", select: ['LogicalName', 'EntitySetName', 'PrimaryIdAttribute', 'ObjectTypeCode', 'DisplayName'],
    expand: [{ property: 'Attributes', select: ['LogicalName', 'AttributeType'] }],
  });
  s.entity = {
    logicalName: account.LogicalName, entitySetName: account.EntitySetName, primaryId: account.PrimaryIdAttribute,
    objectTypeCode: account.ObjectTypeCode, displayName: label(account.DisplayName), metadataId: account.MetadataId,
    attributes: account.Attributes.map((a) => a.LogicalName + ':' + a.AttributeType),
  };
  const byId = await api.retrieveEntity({ key: account.MetadataId, select: ['LogicalName'] });
  s.entityById = byId.LogicalName;

  const custom = await api.retrieveEntities({ select: ['LogicalName'], filter: 'IsCustomEntity eq false and ObjectTypeCode eq 2' });
  s.entities = custom.value.map((e) => e.LogicalName);

  const strings = await api.retrieveAttributes({
    entityKey: "LogicalName='account'", castType: 'Microsoft.Dynamics.CRM.StringAttributeMetadata', select: ['LogicalName', 'MaxLength'],
  });
  s.stringAttributes = strings.value.map((a) => a.LogicalName + ':' + a.MaxLength);
  const all = await api.retrieveAttributes({ entityKey: "LogicalName='account'", select: ['LogicalName'], filter: "AttributeType eq 'Money'" });
  s.moneyAttributes = all.value.map((a) => a.LogicalName);
  const picklist = await api.retrieveAttribute({
    entityKey: "LogicalName='account'", attributeKey: "LogicalName='industrycode'",
    castType: 'Microsoft.Dynamics.CRM.PicklistAttributeMetadata', select: ['LogicalName'], expand: 'OptionSet',
  });
  s.picklist = picklist.OptionSet.Options.map((o) => o.Value + ':' + label(o.Label));

  const relationships = await api.retrieveRelationships({
    castType: 'Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata', select: ['SchemaName', 'ReferencingEntity'], filter: "ReferencedEntity eq 'contact'",
  });
  s.relationships = relationships.value.map((r) => r.SchemaName);
  const relationship = await api.retrieveRelationship({ key: "SchemaName='account_primary_contact'", select: ['ReferencingAttribute'] });
  s.relationship = relationship.ReferencingAttribute;
  const sets = await api.retrieveGlobalOptionSets();
  s.globalOptionSets = Array.isArray(sets.value);
  s.missingEntity = await failure(api.retrieveEntity({ key: "LogicalName='nosuchtable'" }));

  const xml = await api.retrieveCsdlMetadata();
  s.csdlIsString = typeof xml === 'string';
  const csdl = xml2json(xml, { strict: true });
  s.csdlVersion = csdl.$Version;
  s.csdlAccountKey = csdl['Microsoft.Dynamics.CRM'].account.$Key;
  s.csdlUnresolved = unresolved(csdl);
  s.csdlEntitySets = Object.keys(csdl['Microsoft.Dynamics.CRM'].System).filter((k) => !k.startsWith('$')).length;
}

const labelOf = (text) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.Label', LocalizedLabels: [{ Label: text, LanguageCode: 1033 }] });

async function writes(s) {
  const entityId = await api.createEntity({
    data: {
      '@odata.type': 'Microsoft.Dynamics.CRM.EntityMetadata', SchemaName: 'node_Shop', DisplayName: labelOf('Shop'),
      DisplayCollectionName: labelOf('Shops'), Description: labelOf('A shop'), OwnershipType: 'UserOwned', IsActivity: false,
      HasActivities: false, HasNotes: false,
      Attributes: [{
        '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata', AttributeType: 'String', AttributeTypeName: { Value: 'StringType' },
        SchemaName: 'node_Name', RequiredLevel: { Value: 'None' }, MaxLength: 100, FormatName: { Value: 'Text' },
        DisplayName: labelOf('Shop name'), IsPrimaryName: true,
      }],
    },
  });
  s.createdEntity = entityId;
  const attributeId = await api.createAttribute({
    entityKey: entityId,
    data: { '@odata.type': 'Microsoft.Dynamics.CRM.MoneyAttributeMetadata', SchemaName: 'node_Turnover', DisplayName: labelOf('Turnover'), Precision: 2 },
  });
  s.createdAttribute = attributeId;
  const shopId = await api.create({ collection: 'node_shops', data: { node_name: 'Corner', node_turnover: 1234.5 } });
  const shop = await api.retrieve({ collection: 'node_shops', key: shopId, select: ['node_name', 'node_turnover'] });
  s.shop = { name: shop.node_name, turnover: shop.node_turnover };

  const entity = await api.retrieveEntity({ key: entityId });
  entity.DisplayName = labelOf('Shop renamed');
  s.updatedEntity = await api.updateEntity({ data: entity });
  s.entityLabel = label((await api.retrieveEntity({ key: entityId, select: ['DisplayName'] })).DisplayName);

  const attribute = await api.retrieveAttribute({ entityKey: entityId, attributeKey: attributeId });
  attribute.DisplayName = labelOf('Yearly turnover');
  attribute.RequiredLevel = { Value: 'ApplicationRequired' };
  s.updatedAttribute = await api.updateAttribute({ entityKey: entityId, data: attribute, castType: 'Microsoft.Dynamics.CRM.MoneyAttributeMetadata' });
  const after = await api.retrieveAttribute({ entityKey: entityId, attributeKey: attributeId, select: ['DisplayName', 'RequiredLevel'] });
  s.attributeLabel = label(after.DisplayName);
  s.attributeRequired = after.RequiredLevel.Value;
  s.duplicate = await failure(api.createAttribute({
    entityKey: entityId, data: { '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata', SchemaName: 'node_Turnover' },
  }));
}

async function main() {
  const s = {};
  await reads(s);
  await writes(s);
  return s;
}

run(main);
