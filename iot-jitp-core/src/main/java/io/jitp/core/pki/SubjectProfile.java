package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The subject of a certificate: the seed's CA fields (CN, C, L, ST, O, OU) plus the device attributes AWS IoT JITP
 * templates can read ({@code serialNumber}, {@code dnQualifier}). Blank values are treated as absent.
 *
 * @param commonName         CN; for a device its id (the thing name)
 * @param country            C, two letters
 * @param locality           L
 * @param state              ST
 * @param organization       O
 * @param organizationalUnit OU
 * @param serialNumber       serialNumber attribute (not the certificate serial)
 * @param dnQualifier        dnQualifier attribute
 */
public record SubjectProfile(String commonName, String country, String locality, String state, String organization,
                             String organizationalUnit, String serialNumber, String dnQualifier) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PRINTABLE = Pattern.compile("[A-Za-z0-9 '()+,\\-./:=?]*");

    /** The attribute names accepted by {@link #withAttribute}, in the order they appear in a subject. */
    private static final Map<String, ASN1ObjectIdentifier> ATTRIBUTES = attributes();

    /** Validates and normalizes: blanks become null, the country is upper-cased. */
    public SubjectProfile {
        commonName = blankToNull(commonName);
        country = blankToNull(country) == null ? null : country.trim().toUpperCase(Locale.ROOT);
        locality = blankToNull(locality);
        state = blankToNull(state);
        organization = blankToNull(organization);
        organizationalUnit = blankToNull(organizationalUnit);
        serialNumber = blankToNull(serialNumber);
        dnQualifier = blankToNull(dnQualifier);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new InvalidInputException("Subject country (C) '" + country + "' must be two letters, e.g. LU");
        }
        requirePrintable("serialNumber", serialNumber);
        requirePrintable("dnQualifier", dnQualifier);
    }

    /**
     * @param commonName the CN
     * @return a subject with only a CN
     */
    public static SubjectProfile ofCommonName(String commonName) {
        return new SubjectProfile(commonName, null, null, null, null, null, null, null);
    }

    /** @return an empty subject, to be filled with {@link #withAttribute} */
    public static SubjectProfile empty() {
        return ofCommonName(null);
    }

    /**
     * @param commonName the new CN
     * @return a copy with that CN
     */
    public SubjectProfile withCommonName(String commonName) {
        return new SubjectProfile(commonName, country, locality, state, organization, organizationalUnit,
                serialNumber, dnQualifier);
    }

    /**
     * Sets one attribute by its short name, as users type it in a CSV header or a property.
     *
     * @param name  {@code CN}, {@code C}, {@code L}, {@code ST}, {@code O}, {@code OU}, {@code serialNumber} or
     *              {@code dnQualifier} (case-insensitive)
     * @param value the value; blank clears it
     * @return a copy with that attribute set
     * @throws InvalidInputException for an unknown name
     */
    public SubjectProfile withAttribute(String name, String value) {
        Map<String, String> values = toAttributes();
        String key = canonicalName(name);
        values.put(key, value);
        return fromAttributes(values);
    }

    /**
     * Fills attributes that are absent here from defaults (e.g. batch-wide values under a per-device row).
     *
     * @param defaults the fallback values
     * @return a subject with every attribute present in either, preferring this one's
     */
    public SubjectProfile orElse(SubjectProfile defaults) {
        Map<String, String> merged = defaults.toAttributes();
        toAttributes().forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return fromAttributes(merged);
    }

    /** @return the X.500 name, attributes in the order C, ST, L, O, OU, CN, serialNumber, dnQualifier */
    public X500Name toX500Name() {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        toAttributes().forEach((name, value) -> {
            if (value != null) {
                builder.addRDN(ATTRIBUTES.get(name), value);
            }
        });
        return builder.build();
    }

    /**
     * @param name an X.500 name (e.g. read from a CSR)
     * @return the attributes this profile knows; others are ignored
     */
    public static SubjectProfile of(X500Name name) {
        Map<String, String> values = new LinkedHashMap<>();
        ATTRIBUTES.forEach((key, oid) -> {
            RDN[] rdns = name.getRDNs(oid);
            // The plain string value: IETFUtils.valueToString would add RFC 4514 escapes (a comma becomes "\,").
            values.put(key, rdns.length == 0 ? null : rdns[0].getFirst().getValue() instanceof ASN1String text
                    ? text.getString() : IETFUtils.valueToString(rdns[0].getFirst().getValue()));
        });
        return fromAttributes(values);
    }

    /** @return the attribute values keyed by short name, in subject order (absent ones map to null) */
    public Map<String, String> toAttributes() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("C", country);
        values.put("ST", state);
        values.put("L", locality);
        values.put("O", organization);
        values.put("OU", organizationalUnit);
        values.put("CN", commonName);
        values.put("serialNumber", serialNumber);
        values.put("dnQualifier", dnQualifier);
        return values;
    }

    /**
     * @param name an attribute name in any case
     * @return its canonical spelling ({@code CN}, {@code serialNumber}, ...)
     * @throws InvalidInputException for an unknown name
     */
    public static String canonicalName(String name) {
        return ATTRIBUTES.keySet().stream().filter(k -> k.equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new InvalidInputException("Unknown subject attribute '" + name + "'; use one of "
                        + String.join(", ", ATTRIBUTES.keySet())));
    }

    @Override
    public String toString() {
        return toX500Name().toString();
    }

    private static SubjectProfile fromAttributes(Map<String, String> v) {
        Function<String, String> get = v::get;
        return new SubjectProfile(get.apply("CN"), get.apply("C"), get.apply("L"), get.apply("ST"), get.apply("O"),
                get.apply("OU"), get.apply("serialNumber"), get.apply("dnQualifier"));
    }

    private static Map<String, ASN1ObjectIdentifier> attributes() {
        Map<String, ASN1ObjectIdentifier> map = new LinkedHashMap<>();
        map.put("C", BCStyle.C);
        map.put("ST", BCStyle.ST);
        map.put("L", BCStyle.L);
        map.put("O", BCStyle.O);
        map.put("OU", BCStyle.OU);
        map.put("CN", BCStyle.CN);
        map.put("serialNumber", BCStyle.SERIALNUMBER);
        map.put("dnQualifier", BCStyle.DN_QUALIFIER);
        return Collections.unmodifiableMap(map);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void requirePrintable(String attribute, String value) {
        if (value != null && !PRINTABLE.matcher(value).matches()) {
            throw new InvalidInputException("Subject " + attribute + " '" + value
                    + "' may only use letters, digits, spaces and ' ( ) + , - . / : = ?");
        }
    }
}
