package io.jitp.emulator.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyVariablesTest {

    private static X509Certificate certificate;

    @BeforeAll
    static void certificate() throws Exception {
        certificate = TestCertificates.withNames(
                "CN=dev-1, OU=ops, OU=lab, O=Acme\\, Inc., C=LU, ST=Lux, SERIALNUMBER=42, DNQ=q1",
                "CN=root, O=Issuer Org, C=ES");
    }

    private static PolicyContext context(ConnectedThing thing) {
        return new PolicyContext("client-7", certificate, thing);
    }

    @Test
    void clientIdAndSubjectAttributes() {
        assertEquals("client/client-7/dev-1/Acme, Inc./LU/Lux/42/q1",
                PolicyVariables.substitute("client/${iot:ClientId}/${iot:Certificate.Subject.CommonName}/"
                        + "${iot:Certificate.Subject.Organization}/${iot:Certificate.Subject.Country}/"
                        + "${iot:Certificate.Subject.State}/${iot:Certificate.Subject.SerialNumber}/"
                        + "${iot:Certificate.Subject.DistinguishedNameQualifier}", context(null)));
    }

    @Test
    void multiValuedAttributesByIndexAndList() {
        assertEquals("ops", PolicyVariables.substitute("${iot:Certificate.Subject.OrganizationalUnit.1}",
                context(null)));
        assertEquals("lab", PolicyVariables.substitute("${iot:Certificate.Subject.OrganizationalUnit.2}",
                context(null)));
        assertEquals("ops,lab", PolicyVariables.substitute("${iot:Certificate.Subject.OrganizationalUnit.List}",
                context(null)));
        assertEquals("${iot:Certificate.Subject.OrganizationalUnit.3}",
                PolicyVariables.substitute("${iot:Certificate.Subject.OrganizationalUnit.3}", context(null)));
    }

    @Test
    void issuerAttributes() {
        assertEquals("root/Issuer Org", PolicyVariables.substitute(
                "${iot:Certificate.Issuer.CommonName}/${iot:Certificate.Issuer.Organization.1}", context(null)));
    }

    @Test
    void thingVariablesWhenBound() {
        ConnectedThing thing = new ConnectedThing("client-7", "sensor", Map.of("room", "kitchen"));
        assertEquals("client-7/sensor/kitchen/true", PolicyVariables.substitute(
                "${iot:Connection.Thing.ThingName}/${iot:Connection.Thing.ThingTypeName}/"
                        + "${iot:Connection.Thing.Attributes[room]}/${iot:Connection.Thing.IsAttached}",
                context(thing)));
    }

    @Test
    void unresolvableVariablesStayLiteral() {
        String text = "${iot:Connection.Thing.ThingName}/${iot:Connection.Thing.Attributes[x]}/"
                + "${iot:Certificate.Subject.Locality}/${iot:Certificate.Subject.Nonsense}/${aws:username}";
        assertEquals(text, PolicyVariables.substitute(text, context(null)));
        assertEquals("false", PolicyVariables.substitute("${iot:Connection.Thing.IsAttached}", context(null)));
        assertEquals("${iot:Connection.Thing.Attributes[x]}", PolicyVariables.substitute(
                "${iot:Connection.Thing.Attributes[x]}", context(new ConnectedThing("t", null, Map.of()))));
    }

    @Test
    void replacementValuesAreNotReinterpreted() {
        PolicyContext dollar = new PolicyContext("a$1\\b", certificate, null);
        assertEquals("topic/a$1\\b", PolicyVariables.substitute("topic/${iot:ClientId}", dollar));
    }
}
