package org.xrm4j.sdk.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;

/**
 * Request bodies for comparing the streaming reader with the tree reader: the bodies of the other codec tests, every
 * sample value in every position a value takes, and values that are regular, irregular (tag not first, duplicate
 * keys, unknown properties and types) or wrong (bad JSON types, numbers, guids, dates). Values are written with
 * single quotes for double quotes.
 */
final class StreamingCorpus {
    static final String GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

    /** Values the fast path reads itself, as a bulk load sends them. */
    static final List<String> REGULAR = List.of(
            "'Contoso'", "''", "'Z\\u00fcrich \\\"q\\\" \\\\ \\n \\ud83d\\ude00'", "true", "false", "null",
            "0", "-0", "42", "-7", "2147483647", "-2147483648", "[]", "[1,'a',null,[true],{'$type':'Long','Value':'5'}]",
            "{'$type':'Guid','Value':'" + GUID + "'}", "{'$type':'Guid','Value':'" + EMPTY_GUID + "'}",
            "{'$type':'Guid','Value':'0F8FAD5B-D9CB-469F-A165-70867728950E'}",
            "{'$type':'EntityReference','LogicalName':'account','Id':'" + GUID + "','Name':null}",
            "{'$type':'EntityReference','LogicalName':'account','Id':'" + EMPTY_GUID + "','Name':'Contoso','RowVersion':'7'}",
            "{'$type':'EntityReference','LogicalName':'account','KeyAttributes':{'accountnumber':'A-1','n':2}}",
            "{'$type':'EntityReference','LogicalName':'account'}", "{'$type':'EntityReference','LogicalName':'a','KeyAttributes':null}",
            "{'$type':'OptionSetValue','Value':3}", "{'$type':'OptionSetValue','Value':-1}",
            "{'$type':'Money','Value':'12.50'}", "{'$type':'Money','Value':12}", "{'$type':'Money','Value':'-0.0001'}",
            "{'$type':'Money','Value':'1E+3'}", "{'$type':'DateTime','Value':'2026-11-22T03:42:07Z'}",
            "{'$type':'DateTime','Value':'2026-11-22T05:42:07+02:00'}", "{'$type':'DateTime','Value':'2026-11-22T03:42:07'}",
            "{'$type':'DateTime','Value':'2026-11-22T03:42:07.123456789Z'}",
            "{'$type':'Long','Value':'9007199254740993'}", "{'$type':'Long','Value':5}", "{'$type':'Long','Value':-9223372036854775808}",
            "{'$type':'Long','Value':'-9223372036854775808'}", "{'$type':'Double','Value':1.5}", "{'$type':'Double','Value':2}",
            "{'$type':'Double','Value':-0.0}", "{'$type':'Double','Value':1e300}", "{'$type':'Double','Value':4.9E-324}",
            "{'$type':'Double','Value':1e400}", "{'$type':'Double','Value':9007199254740993}",
            "{'$type':'Double','Value':123456789012345678901234567890}", "{'$type':'Double','Value':0.1000000000000000055511151231257827}",
            "{'$type':'Double','Value':'NaN'}", "{'$type':'Double','Value':'Infinity'}", "{'$type':'Double','Value':'-Infinity'}",
            "{'$type':'Decimal','Value':'12.3400'}", "{'$type':'Decimal','Value':7}", "{'$type':'Decimal','Value':123456789012345678901234567890}",
            "{'$type':'Decimal','Value':'123456789012345678901234567890.123456789'}", "{'$type':'Binary','Value':'SGVsbG8='}",
            "{'$type':'Binary','Value':''}", "{'$type':'TimeSpan','Value':'00:00:05'}", "{'$type':'TimeSpan','Value':'PT1M30.5S'}",
            "{'$type':'OptionSetValueCollection','Value':[1,2]}", "{'$type':'OptionSetValueCollection','Value':[]}",
            "{'$type':'OptionSetValueCollection','Value':null}",
            "{'$type':'Entity','LogicalName':'account','Id':'" + GUID + "','Attributes':{'name':'Contoso'},'FormattedValues':{}}",
            "{'$type':'Entity','Attributes':{'b':1,'a':{'$type':'Money','Value':'2'}},'LogicalName':'account','Id':null}",
            "{'$type':'Entity','LogicalName':'account','Id':'" + EMPTY_GUID + "','RowVersion':'12','KeyAttributes':{'k':'v'},"
                    + "'Attributes':null,'FormattedValues':{'x':'X','y':'Y'}}",
            "{'$type':'Entity','LogicalName':'account','KeyAttributes':null,'FormattedValues':null,'RowVersion':null}",
            "{'$type':'EntityCollection','EntityName':'account','Entities':[{'$type':'Entity','LogicalName':'a'},"
                    + "{'LogicalName':'b','Attributes':{'x':1}},{'LogicalName':'c','$type':'Entity'}],'MoreRecords':true,"
                    + "'PagingCookie':'<c/>','TotalRecordCount':5,'TotalRecordCountLimitExceeded':true}",
            "{'$type':'EntityCollection'}", "{'$type':'EntityCollection','Entities':null,'TotalRecordCount':null,'MoreRecords':null}",
            "{'$type':'ExecuteMultipleSettings','ContinueOnError':true,'ReturnResponses':false}",
            "{'$type':'ExecuteMultipleSettings','ContinueOnError':null}", "{'$type':'ExecuteMultipleSettings'}",
            "{'$type':'OrganizationRequest','RequestName':'Create','RequestId':'" + GUID + "','Parameters':{'Target':"
                    + "{'$type':'Entity','LogicalName':'account'}}}",
            "{'$type':'OrganizationRequest','RequestName':'new_Custom','Parameters':null,'RequestId':null}",
            "{'$type':'OrganizationRequest','Parameters':{'x':1},'RequestName':'WhoAmI'}");

    /** Values the tree accepts but the fast path leaves to it: a tag not first, unknown properties, uncovered types. */
    static final List<String> IRREGULAR = List.of(
            "{'Value':'5','$type':'Long'}", "{'LogicalName':'account','$type':'Entity'}",
            "{'LogicalName':'account','$type':'EntityReference','Id':'" + GUID + "'}",
            "{'RequestName':'WhoAmI','$type':'OrganizationRequest'}",
            "{'$type':'Money','Value':'1','Extra':1}", "{'$type':'Entity','LogicalName':'account','Extra':1}",
            "{'$type':'Entity','LogicalName':'account','Extra':{'a':[1,{'b':2}]}}",
            "{'$type':'EntityReference','LogicalName':'account','Extra':null}", "{'$type':'OptionSetValueCollection'}",
            "{'$type':'ExecuteMultipleSettings','ContinueOnError':true,'Extra':1}",
            "{'$type':'AliasedValue','EntityLogicalName':'c','AttributeLogicalName':'n','Value':{'$type':'Money','Value':'1'}}",
            "{'$type':'EntityReferenceCollection','Value':[{'LogicalName':'account','Id':'" + GUID + "'}]}",
            "{'$type':'Relationship','SchemaName':'account_primary_contact'}", "{'$type':'FetchExpression','Query':'<fetch/>'}",
            "{'$type':'ColumnSet','AllColumns':false,'Columns':['name']}", "{'$type':'QueryExpression','EntityName':'account'}",
            "{'$type':'OrganizationResponse','ResponseName':'Create','Results':{}}",
            "{'$type':'RolePrivilege','Depth':'Global','PrivilegeId':'" + GUID + "'}");

    /** Values the tree refuses; the fault must be the tree's whichever path starts. */
    static final List<String> WRONG = List.of(
            "2147483648", "-2147483649", "3000000000", "99999999999999999999999", "1.5", "1e3", "1.0", "-0.0",
            "{}", "{'Value':1}", "{'$type':null}", "{'$type':5}", "{'$type':'Currency'}", "{'$type':'Money2','Value':'1'}",
            "{'$type':'Money','Value':'1','Value':'2'}", "{'$type':'Money','$type':'Money','Value':'1'}",
            "{'$type':'Money','Value':'1','$type':'Long'}", "{'$type':'Money'}", "{'$type':'Money','Value':null}",
            "{'$type':'Money','Value':12.5}", "{'$type':'Money','Value':true}", "{'$type':'Money','Value':'abc'}",
            "{'$type':'Money','Value':'1,5'}", "{'$type':'Money','Value':{}}", "{'$type':'Money','Value':[]}",
            "{'$type':'OptionSetValue','Value':'3'}", "{'$type':'OptionSetValue','Value':3.0}",
            "{'$type':'OptionSetValue','Value':3000000000}", "{'$type':'OptionSetValue'}",
            "{'$type':'Long','Value':'12x'}", "{'$type':'Long','Value':1.5}", "{'$type':'Long','Value':99999999999999999999}",
            "{'$type':'Long','Value':'99999999999999999999'}", "{'$type':'Long','Value':' 5'}", "{'$type':'Long','Value':null}",
            "{'$type':'Double','Value':'abc'}", "{'$type':'Double','Value':true}", "{'$type':'Double','Value':'1.5'}",
            "{'$type':'Decimal','Value':'abc'}", "{'$type':'Decimal','Value':1.5}", "{'$type':'Decimal','Value':false}",
            "{'$type':'DateTime','Value':'yesterday'}", "{'$type':'DateTime','Value':5}", "{'$type':'DateTime','Value':'2026-13-01T00:00:00Z'}",
            "{'$type':'Guid','Value':'not-a-guid'}", "{'$type':'Guid','Value':'1-2-3-4-5'}", "{'$type':'Guid','Value':5}",
            "{'$type':'Guid'}", "{'$type':'Guid','Value':'" + GUID + "x'}", "{'$type':'Binary','Value':'***'}",
            "{'$type':'Binary','Value':5}", "{'$type':'TimeSpan','Value':'5 seconds'}", "{'$type':'TimeSpan','Value':5}",
            "{'$type':'Entity'}", "{'$type':'Entity','Attributes':{}}", "{'$type':'Entity','LogicalName':null}",
            "{'$type':'Entity','LogicalName':5}", "{'$type':'Entity','LogicalName':'a','LogicalName':'b'}",
            "{'$type':'Entity','LogicalName':'a','Id':''}", "{'$type':'Entity','LogicalName':'a','Id':'abc'}",
            "{'$type':'Entity','LogicalName':'a','Id':5}", "{'$type':'Entity','LogicalName':'a','RowVersion':5}",
            "{'$type':'Entity','LogicalName':'a','Attributes':[]}", "{'$type':'Entity','LogicalName':'a','Attributes':{'x':1,'x':2}}",
            "{'$type':'Entity','LogicalName':'a','Attributes':{'x':1.5}}", "{'$type':'Entity','LogicalName':'a','KeyAttributes':5}",
            "{'$type':'Entity','LogicalName':'a','FormattedValues':{'x':1}}", "{'$type':'Entity','LogicalName':'a','FormattedValues':{'x':null}}",
            "{'$type':'Entity','LogicalName':'a','FormattedValues':{'x':'1','x':'2'}}", "{'$type':'Entity','LogicalName':'a','FormattedValues':[]}",
            "{'$type':'Entity','LogicalName':'a','Extra':{'x':1,'x':2}}", "{'$type':'Entity','LogicalName':'a','$type':'Entity'}",
            "{'$type':'EntityReference','Id':'" + GUID + "'}", "{'$type':'EntityReference','LogicalName':'a','Name':5}",
            "{'$type':'EntityReference','LogicalName':'a','KeyAttributes':[]}", "{'$type':'EntityReference','LogicalName':'a','Id':null,'Id':null}",
            "{'$type':'EntityCollection','Entities':[{'$type':'EntityReference','LogicalName':'a'}]}",
            "{'$type':'EntityCollection','Entities':[{'LogicalName':'a','$type':'Account'}]}",
            "{'$type':'EntityCollection','Entities':[{'LogicalName':'a','$type':null}]}",
            "{'$type':'EntityCollection','Entities':[{'LogicalName':'a','$type':'Entity','$type':'Entity'}]}",
            "{'$type':'EntityCollection','Entities':[null]}", "{'$type':'EntityCollection','Entities':[5]}",
            "{'$type':'EntityCollection','Entities':{}}", "{'$type':'EntityCollection','TotalRecordCount':'5'}",
            "{'$type':'EntityCollection','TotalRecordCount':3000000000}", "{'$type':'EntityCollection','MoreRecords':'yes'}",
            "{'$type':'OptionSetValueCollection','Value':[1,'a']}", "{'$type':'OptionSetValueCollection','Value':[1.5]}",
            "{'$type':'OptionSetValueCollection','Value':[null]}", "{'$type':'OptionSetValueCollection','Value':'x'}",
            "{'$type':'ExecuteMultipleSettings','ContinueOnError':'true'}",
            "{'$type':'ExecuteMultipleSettings','ContinueOnError':true,'ContinueOnError':false}",
            "{'$type':'OrganizationRequest'}", "{'$type':'OrganizationRequest','RequestName':null}",
            "{'$type':'OrganizationRequest','RequestName':'WhoAmI','RequestId':'abc'}",
            "{'$type':'OrganizationRequest','RequestName':'WhoAmI','Parameters':[]}",
            "{'$type':'OrganizationRequest','RequestName':'WhoAmI','Parameters':{'a':1,'a':1}}",
            "[1,2,3000000000]", "[1,{'$type':'Currency'}]",
            // each fixed property twice
            "{'$type':'Entity','LogicalName':'a','Id':null,'Id':null}", "{'$type':'Entity','LogicalName':'a','RowVersion':'1','RowVersion':'1'}",
            "{'$type':'Entity','LogicalName':'a','KeyAttributes':{},'KeyAttributes':{}}",
            "{'$type':'Entity','LogicalName':'a','Attributes':{},'Attributes':{}}",
            "{'$type':'Entity','LogicalName':'a','FormattedValues':{},'FormattedValues':{}}",
            "{'$type':'EntityReference','LogicalName':'a','LogicalName':'a'}", "{'$type':'EntityReference','LogicalName':'a','Name':'n','Name':'n'}",
            "{'$type':'EntityReference','LogicalName':'a','RowVersion':'1','RowVersion':'1'}",
            "{'$type':'EntityReference','LogicalName':'a','KeyAttributes':{},'KeyAttributes':{}}",
            "{'$type':'EntityReference','LogicalName':'a','$type':'EntityReference'}",
            "{'$type':'EntityCollection','EntityName':'a','EntityName':'a'}", "{'$type':'EntityCollection','Entities':[],'Entities':[]}",
            "{'$type':'EntityCollection','MoreRecords':true,'MoreRecords':true}", "{'$type':'EntityCollection','PagingCookie':'c','PagingCookie':'c'}",
            "{'$type':'EntityCollection','TotalRecordCount':1,'TotalRecordCount':1}",
            "{'$type':'EntityCollection','TotalRecordCountLimitExceeded':true,'TotalRecordCountLimitExceeded':true}",
            "{'$type':'EntityCollection','$type':'EntityCollection'}",
            "{'$type':'ExecuteMultipleSettings','ReturnResponses':true,'ReturnResponses':true}",
            "{'$type':'OrganizationRequest','RequestName':'WhoAmI','RequestName':'WhoAmI'}",
            "{'$type':'OrganizationRequest','RequestName':'WhoAmI','RequestId':null,'RequestId':null}",
            "{'$type':'OrganizationRequest','RequestName':'WhoAmI','Parameters':{},'Parameters':{}}",
            "{'$type':'OrganizationRequest','RequestName':'WhoAmI','$type':'OrganizationRequest'}",
            "{'$type':'Guid','Value':'" + GUID + "','Value':'" + GUID + "'}", "{'$type':'OptionSetValueCollection','Value':[],'Value':[]}");

    /** Whole bodies: those of DecodeErrorTest, MessageCodecTest and ProtocolExamplesTest, and envelope oddities. */
    static final List<String> BODIES = List.of(
            "{'RequestName': 'Create',\n 'Parameters': {", "{'RequestName':'WhoAmI'} {}", "{'RequestName':'WhoAmI','RequestName':'Create'}",
            "", "   ", "[1]", "5", "null", "'x'", "{'Parameters':{}}", "{'RequestName':7}", "{'RequestName':'WhoAmI','RequestId':'abc'}",
            "{'RequestName':'WhoAmI','Parameters':[]}", "{'RequestName':", "{'RequestName':'WhoAmI'}", "{'RequestName':'WhoAmI'}  \n",
            "{'RequestName':'WhoAmI'} x", "{'RequestName':'WhoAmI',}", "{'RequestName':'WhoAmI' /* c */}",
            "{'RequestName':'WhoAmI','Parameters':{},'Parameters':{}}", "{'RequestName':'Custom','Parameters':{'a':1,'a':2}}",
            "{'RequestName':'WhoAmI','RequestId':'" + GUID + "','RequestId':'" + GUID + "'}",
            "{'$type':'OrganizationRequest','RequestName':'WhoAmI'}", "{'RequestName':'WhoAmI','Extra':1}",
            "{'RequestName':'WhoAmI','RequestId':null,'Parameters':null}", "{'RequestName':null}",
            "{'RequestName':'ExecuteMultiple','Parameters':{'Requests':[{'$type':'OrganizationRequest','RequestName':'WhoAmI'},"
                    + "{'$type':'OrganizationRequest','RequestName':'Create','Parameters':{'Target':{'$type':'Entity',"
                    + "'LogicalName':'account','Attributes':{'x':{'$type':'Currency'}}}}}]}}",
            "{'RequestName':'RetrieveMultiple','RequestId':'" + GUID + "','Parameters':{'Query':{'$type':'FetchExpression','Query':'<fetch/>'}}}",
            "{'RequestName':'ExecuteMultiple','Parameters':{'Requests':[{'$type':'OrganizationRequest','RequestName':'Create',"
                    + "'Parameters':{'Target':{'$type':'Entity','LogicalName':'account','Id':'" + GUID + "','Attributes':{'name':'Contoso'},"
                    + "'FormattedValues':{}}}}],'Settings':{'$type':'ExecuteMultipleSettings','ContinueOnError':true,'ReturnResponses':true}}}",
            "{'RequestName':'Create','Parameters':{'Target':{'$type':'Entity','LogicalName':'account','Attributes':{'name':'Contoso'}}}}");

    private StreamingCorpus() {}

    /** Every body, named for the test report. */
    static Stream<Object[]> all() {
        List<Object[]> out = new ArrayList<>();
        MessageCodecTest.requests().forEach(r -> out.add(named("message " + r.requestName(),
                SdkJson.writeRequest(r.requestId(Samples.OTHER_ID)))));
        for (Object v : Samples.everyValue()) {
            OrganizationRequest r = new OrganizationRequest("Custom").set("Target", new Entity("account").set("value", v)).set("Value", v);
            out.add(named("sample " + (v == null ? "null" : v.getClass().getSimpleName()), SdkJson.writeRequest(r)));
        }
        for (List<String> values : List.of(REGULAR, IRREGULAR, WRONG)) {
            for (String v : values) for (String body : inEveryPosition(v)) out.add(named(body, bytes(body)));
        }
        for (String body : BODIES) out.add(named(body, bytes(body)));
        out.add(named("single-quoted JSON", "{\"RequestName\": 'Create'}".getBytes(UTF_8)));
        out.add(named("byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("{'RequestName':'WhoAmI'}"))));
        out.add(named("invalid UTF-8", concat(bytes("{'RequestName':'"), new byte[] {(byte) 0xC3, 0x28}, bytes("'}"))));
        out.add(named("nested 400 deep", bytes(param("[".repeat(400) + "]".repeat(400)))));
        out.add(named("nested 3000 deep", bytes(param("[".repeat(3000) + "]".repeat(3000)))));
        out.add(named("bulk load", bulkLoad(50)));
        return out.stream();
    }

    /** A value as a parameter, an attribute, an array element and an attribute of a Create nested in an ExecuteMultiple. */
    static List<String> inEveryPosition(String value) {
        return List.of(param(value), attribute(value), param("[1," + value + ",null]"),
                "{'RequestName':'ExecuteMultiple','Parameters':{'Requests':[{'$type':'OrganizationRequest','RequestName':'Create',"
                        + "'Parameters':" + "{'Target':{'$type':'Entity','LogicalName':'account','Attributes':{'v':" + value + "}}}}]}}");
    }

    static String param(String value) { return "{'RequestName':'Custom','Parameters':{'V':" + value + "}}"; }

    static String attribute(String value) {
        return "{'RequestName':'Create','Parameters':{'Target':{'$type':'Entity','LogicalName':'account','Attributes':{'v':" + value + "}}}}";
    }

    static byte[] bytes(String singleQuoted) { return singleQuoted.replace('\'', '"').getBytes(UTF_8); }

    /**
     * An ExecuteMultiple of Creates as a bulk loader sends it: the benchmark's account (xrm4j-bench's Accounts) plus
     * a lookup, a choice, a date, a guid, a long, a double, a decimal and a cleared column.
     */
    static byte[] bulkLoad(int count) {
        List<OrganizationRequest> creates = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Entity account = account(n).set("primarycontactid", new EntityReference("contact", Samples.OTHER_ID))
                    .set("industrycode", new OptionSetValue(n % 7)).set("createdon", Samples.WHEN).set("accountid", Samples.ID)
                    .set("versionnumber", 81234567890L + n).set("address1_latitude", 47.6062).set("exchangerate", new BigDecimal("1.0000"))
                    .set("fax", null);
            creates.add(new CreateRequest(account));
        }
        return SdkJson.writeRequest(new ExecuteMultipleRequest(creates, new ExecuteMultipleSettings(true, true)));
    }

    /** The account of xrm4j-bench's Accounts: ten attributes of the everyday types. */
    static Entity account(int n) {
        return new Entity("account").set("name", "Benchmark account " + n).set("accountnumber", "BA-" + n)
                .set("emailaddress1", "account" + n + "@example.com").set("telephone1", "+1 555 01" + String.format("%05d", n))
                .set("address1_line1", n + " Main Street").set("address1_city", "Seattle").set("numberofemployees", 10 + n)
                .set("revenue", new Money(BigDecimal.valueOf(1_000_000L + n * 37L, 2)))
                .set("description", "An account created by the xrm4j baseline benchmark, number " + n + ".")
                .set("donotemail", n % 3 == 0);
    }

    private static Object[] named(String name, byte[] body) {
        return new Object[] {name.length() > 120 ? name.substring(0, 120) + "..." : name, body};
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
