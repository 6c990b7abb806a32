'use strict';
// Reads an xrm4j server with the dynamics-web-api client as an application would: $expand on retrieve and
// retrieveMultiple, annotations (includeAnnotations), FetchXML with fetch and fetchAll (a long one goes as a $batch),
// navigation paths and query functions in filters. Prints one JSON summary line.
// Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... node reads.js
const crypto = require('crypto');
const { client, failure, run } = require('./client');

const api = client();

function accountsFetch(prefix, extraConditions) {
  return '<fetch count="2"><entity name="account"><attribute name="name" /><attribute name="industrycode" />'
    + '<order attribute="name" /><filter><condition attribute="name" operator="like" value="' + prefix + '%" />'
    + (extraConditions || '') + '</filter>'
    + '<link-entity name="contact" from="contactid" to="primarycontactid" link-type="outer" alias="pc">'
    + '<attribute name="lastname" /></link-entity></entity></fetch>';
}

async function main() {
  const s = {};
  const prefix = 'NodeR' + crypto.randomUUID().slice(0, 8);

  const primary = await api.create({ collection: 'contacts', data: { firstname: prefix, lastname: 'Primary' } });
  const accountIds = [];
  for (let i = 1; i <= 5; i++) {
    const data = { name: `${prefix} ${i}`, industrycode: 7, revenue: 1000.5 * i };
    if (i === 1) data['primarycontactid@odata.bind'] = `/contacts(${primary})`;
    accountIds.push(await api.create({ collection: 'accounts', data }));
  }
  for (const last of ['Ames', 'Baker', 'Cole']) {
    await api.create({
      collection: 'contacts',
      data: { firstname: prefix, lastname: last, 'parentcustomerid_account@odata.bind': `/accounts(${accountIds[0]})` },
    });
  }

  const expanded = await api.retrieve({
    collection: 'accounts', key: accountIds[0], select: ['name'],
    expand: [
      { property: 'primarycontactid', select: ['fullname', 'lastname'] },
      { property: 'contact_customer_accounts', select: ['lastname'], filter: "lastname ne 'Ames'", orderBy: ['lastname desc'], top: 5 },
    ],
  });
  s.retrieveExpand = {
    primary: expanded.primarycontactid && expanded.primarycontactid.lastname,
    children: expanded.contact_customer_accounts.map((c) => c.lastname),
  };

  const list = await api.retrieveMultiple({
    collection: 'accounts', select: ['name'], filter: `startswith(name,'${prefix}')`, orderBy: ['name'], top: 2,
    expand: [{ property: 'primarycontactid', select: ['lastname'] }, { property: 'contact_customer_accounts', select: ['lastname'], orderBy: ['lastname'] }],
  });
  s.queryExpand = list.value.map((a) => ({
    name: a.name,
    primary: a.primarycontactid ? a.primarycontactid.lastname : null,
    children: a.contact_customer_accounts.map((c) => c.lastname),
  }));

  const formatted = await api.retrieve({
    collection: 'accounts', key: accountIds[0], select: ['industrycode', 'revenue', '_primarycontactid_value'],
    includeAnnotations: 'OData.Community.Display.V1.FormattedValue',
  });
  s.formatted = {
    industrycode: formatted.industrycode_Formatted, revenue: formatted.revenue_Formatted,
    primary: formatted._primarycontactid_value_Formatted, logicalName: formatted._primarycontactid_value_LogicalName,
  };
  const everything = await api.retrieveMultiple({
    collection: 'accounts', select: ['name', '_primarycontactid_value'], filter: `name eq '${prefix} 1'`, includeAnnotations: '*',
  });
  const row = everything.value[0];
  s.allAnnotations = {
    logicalName: row._primarycontactid_value_LogicalName,
    navigation: row._primarycontactid_value_NavigationProperty,
    primary: row._primarycontactid_value_Formatted,
  };

  const page = await api.fetch({ collection: 'accounts', fetchXml: accountsFetch(prefix) });
  s.fetchPage = {
    names: page.value.map((a) => a.name),
    linked: page.value[0]['pc.lastname'],
    pagingInfo: page.PagingInfo ? { page: page.PagingInfo.page, nextPage: page.PagingInfo.nextPage, hasCookie: page.PagingInfo.cookie.length > 0 } : null,
  };
  const second = await api.fetch({
    collection: 'accounts', fetchXml: accountsFetch(prefix), pageNumber: page.PagingInfo.nextPage, pagingCookie: page.PagingInfo.cookie,
  });
  s.fetchSecond = second.value.map((a) => a.name);

  const all = await api.fetchAll({ collection: 'accounts', fetchXml: accountsFetch(prefix) });
  s.fetchAll = all.value.map((a) => a.name);

  let padding = '';
  for (let i = 0; i < 60; i++) padding += `<condition attribute="name" operator="ne" value="nobody-${i}" />`;
  const longFetch = accountsFetch(prefix, padding);
  s.longFetchLength = encodeURIComponent(longFetch).length;
  const allLong = await api.fetchAll({ collection: 'accounts', fetchXml: longFetch });
  s.fetchAllLong = allLong.value.map((a) => a.name);

  const byPath = await api.retrieveMultiple({
    collection: 'contacts', select: ['lastname'], orderBy: ['lastname'],
    filter: `parentcustomerid_account/name eq '${prefix} 1' and Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValues=['Ames','Cole'])`,
  });
  s.filterPathIn = byPath.value.map((c) => c.lastname);
  const today = await api.retrieveMultiple({
    collection: 'contacts', select: ['lastname'], orderBy: ['lastname'],
    filter: `firstname eq '${prefix}' and Microsoft.Dynamics.CRM.Today(PropertyName='createdon') and Microsoft.Dynamics.CRM.EqualUserId(PropertyName='ownerid')`,
  });
  s.filterToday = today.value.map((c) => c.lastname);

  s.unknownExpand = await failure(api.retrieve({ collection: 'accounts', key: accountIds[0], expand: [{ property: 'nosuchnav' }] }));
  s.unknownFunction = await failure(api.retrieveMultiple({ collection: 'contacts', filter: "Microsoft.Dynamics.CRM.Sometime(PropertyName='createdon')" }));
  s.prefix = prefix;
  return s;
}

run(main);
