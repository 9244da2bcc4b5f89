package io.jitp.emulator.policy;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * Substitutes AWS IoT policy variables ({@code ${iot:ClientId}}, {@code ${iot:Connection.Thing.*}},
 * {@code ${iot:Certificate.Subject.*}}, {@code ${iot:Certificate.Issuer.*}}) in a policy resource.
 *
 * <p>As in AWS, a variable that cannot be resolved stays in the text literally, so the resource matches
 * nothing a client can name in practice.
 */
public final class PolicyVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern THING_ATTRIBUTE = Pattern.compile("iot:Connection\\.Thing\\.Attributes\\[(.+)]");
    private static final Pattern CERTIFICATE_NAME =
            Pattern.compile("iot:Certificate\\.(Subject|Issuer)\\.([A-Za-z]+)(?:\\.(List|\\d{1,3}))?");

    private PolicyVariables() {
    }

    /**
     * @param text    a policy resource (or any text) that may contain {@code ${…}} variables
     * @param context the connection the policy is evaluated for
     * @return the text with every resolvable variable replaced by its value
     */
    public static String substitute(String text, PolicyContext context) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = resolve(matcher.group(1), context).orElse(matcher.group());
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /**
     * @param name    a variable name without {@code ${}}, e.g. {@code iot:ClientId}
     * @param context the connection
     * @return its value, or empty when the connection does not define it
     */
    public static Optional<String> resolve(String name, PolicyContext context) {
        if (name.equals("iot:ClientId")) {
            return Optional.ofNullable(context.clientId());
        }
        if (name.startsWith("iot:Connection.Thing.")) {
            return thingVariable(name, context);
        }
        Matcher certificateName = CERTIFICATE_NAME.matcher(name);
        if (certificateName.matches() && context.certificate() != null) {
            X509Certificate certificate = context.certificate();
            X500Principal principal = certificateName.group(1).equals("Subject")
                    ? certificate.getSubjectX500Principal()
                    : certificate.getIssuerX500Principal();
            return select(CertificateNameAttributes.values(principal, certificateName.group(2)),
                    certificateName.group(3));
        }
        return Optional.empty();
    }

    private static Optional<String> thingVariable(String name, PolicyContext context) {
        if (name.equals("iot:Connection.Thing.IsAttached")) {
            return Optional.of(Boolean.toString(context.thing() != null));
        }
        Optional<ConnectedThing> thing = context.connectedThing();
        if (name.equals("iot:Connection.Thing.ThingName")) {
            return thing.map(ConnectedThing::name);
        }
        if (name.equals("iot:Connection.Thing.ThingTypeName")) {
            return thing.map(ConnectedThing::typeName);
        }
        Matcher attribute = THING_ATTRIBUTE.matcher(name);
        if (attribute.matches()) {
            return thing.map(t -> t.attributes().get(attribute.group(1)));
        }
        return Optional.empty();
    }

    /** No suffix or {@code .1}: the first value; {@code .N}: the N-th; {@code .List}: all, comma-separated. */
    private static Optional<String> select(List<String> values, String suffix) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (suffix == null) {
            return Optional.of(values.get(0));
        }
        if (suffix.equals("List")) {
            return Optional.of(String.join(",", values));
        }
        int index = Integer.parseInt(suffix);
        return index >= 1 && index <= values.size() ? Optional.of(values.get(index - 1)) : Optional.empty();
    }
}
