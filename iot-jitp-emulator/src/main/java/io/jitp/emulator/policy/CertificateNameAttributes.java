package io.jitp.emulator.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Values of a certificate subject or issuer by the attribute names AWS IoT uses in
 * {@code ${iot:Certificate.Subject.<Attribute>}} (CommonName, Organization, …).
 */
final class CertificateNameAttributes {

    private static final Map<String, ASN1ObjectIdentifier> AWS_NAMES = Map.ofEntries(
            Map.entry("CommonName", BCStyle.CN),
            Map.entry("Country", BCStyle.C),
            Map.entry("Organization", BCStyle.O),
            Map.entry("OrganizationalUnit", BCStyle.OU),
            Map.entry("State", BCStyle.ST),
            Map.entry("Locality", BCStyle.L),
            Map.entry("SerialNumber", BCStyle.SERIALNUMBER),
            Map.entry("DistinguishedNameQualifier", BCStyle.DN_QUALIFIER),
            Map.entry("Title", BCStyle.T),
            Map.entry("Surname", BCStyle.SURNAME),
            Map.entry("GivenName", BCStyle.GIVENNAME),
            Map.entry("Initials", BCStyle.INITIALS),
            Map.entry("Pseudonym", BCStyle.PSEUDONYM),
            Map.entry("GenerationQualifier", BCStyle.GENERATION));

    private CertificateNameAttributes() {
    }

    /**
     * @param name          subject or issuer of a certificate
     * @param awsAttribute  AWS attribute name, e.g. {@code CommonName}
     * @return the attribute's values in certificate order; empty when absent or the name is not an AWS one
     */
    static List<String> values(X500Principal name, String awsAttribute) {
        ASN1ObjectIdentifier oid = AWS_NAMES.get(awsAttribute);
        if (oid == null) {
            return List.of();
        }
        RDN[] rdns = X500Name.getInstance(name.getEncoded()).getRDNs(oid);
        return Arrays.stream(rdns)
                .flatMap(rdn -> Arrays.stream(rdn.getTypesAndValues()))
                .filter(value -> value.getType().equals(oid))
                .map(value -> text(value.getValue()))
                .toList();
    }

    /** Unescaped text: policy variables carry the value itself, not its RFC 4514 form. */
    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String string ? string.getString() : IETFUtils.valueToString(value);
    }
}
