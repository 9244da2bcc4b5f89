package io.jitp.emulator.jitp;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The only parameters a JITP template may declare, {@code AWS::IoT::Certificate::<Name>}, with their values from
 * the device certificate's subject ({@code Id} is the certificate id).
 */
final class CertificateParameters {

    static final String PREFIX = "AWS::IoT::Certificate::";

    /** Parameter name → subject attribute; {@code Id} is handled apart. */
    private static final Map<String, ASN1ObjectIdentifier> SUBJECT_ATTRIBUTES = subjectAttributes();

    private final X500Name subject;
    private final String certificateId;

    CertificateParameters(X509Certificate certificate, String certificateId) {
        this.subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        this.certificateId = certificateId;
    }

    static boolean isSupported(String parameter) {
        return parameter.equals(PREFIX + "Id")
                || parameter.startsWith(PREFIX) && SUBJECT_ATTRIBUTES.containsKey(parameter.substring(PREFIX.length()));
    }

    static String supportedNames() {
        return PREFIX + "{" + String.join(", ", SUBJECT_ATTRIBUTES.keySet()) + ", Id}";
    }

    /** @return the parameter's value from the certificate, if the subject has it */
    Optional<String> value(String parameter) {
        String name = parameter.substring(PREFIX.length());
        if (name.equals("Id")) {
            return Optional.of(certificateId);
        }
        RDN[] rdns = subject.getRDNs(SUBJECT_ATTRIBUTES.get(name));
        return rdns.length == 0 ? Optional.empty()
                : Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    /** @return how the attribute appears in a subject, for error messages ({@code serialNumber}, {@code CN}) */
    static String subjectAttributeName(String parameter) {
        return BCStyle.INSTANCE.oidToDisplayName(SUBJECT_ATTRIBUTES.get(parameter.substring(PREFIX.length())));
    }

    private static Map<String, ASN1ObjectIdentifier> subjectAttributes() {
        Map<String, ASN1ObjectIdentifier> attributes = new LinkedHashMap<>();
        attributes.put("Country", BCStyle.C);
        attributes.put("Organization", BCStyle.O);
        attributes.put("OrganizationalUnit", BCStyle.OU);
        attributes.put("DistinguishedNameQualifier", BCStyle.DN_QUALIFIER);
        attributes.put("StateName", BCStyle.ST);
        attributes.put("CommonName", BCStyle.CN);
        attributes.put("SerialNumber", BCStyle.SERIALNUMBER);
        return attributes;
    }
}
