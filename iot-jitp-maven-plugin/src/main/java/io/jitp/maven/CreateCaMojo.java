package io.jitp.maven;

import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * Creates the CA that signs device certificates: {@code <caName>.ca.pem} and {@code <caName>.ca.key} in
 * {@code caDirectory} (like the seed's {@code bin/create-ca}). An existing CA is reused and reported; replacing it
 * needs {@code -Diot.force=true}. Works without a POM: {@code mvn io.jitp:iot-jitp-maven-plugin:create-ca}.
 */
@Mojo(name = "create-ca", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false,
        threadSafe = true)
public class CreateCaMojo extends AbstractIotMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CREATE_CA_SKIP, defaultValue = "false")
    private boolean skipCreateCa;

    /**
     * CA key type: {@code EC_P256}, {@code EC_P384}, {@code RSA_2048}, {@code RSA_3072} or {@code RSA_4096}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.KEY_ALGORITHM, defaultValue = "EC_P256")
    private String keyAlgorithm;

    /**
     * CA validity in days (the seed used 1024).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_VALIDITY_DAYS, defaultValue = "1024")
    private int validityDays;

    /**
     * Replace an existing CA. Devices issued by the old one no longer chain to the new one.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORCE, defaultValue = "false")
    private boolean force;

    /**
     * CA subject CN; defaults to {@code caName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_COMMON_NAME)
    private String commonName;

    /**
     * CA subject country (C), two letters.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_COUNTRY, defaultValue = "LU")
    private String country;

    /**
     * CA subject locality (L).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_LOCALITY, defaultValue = "Luxembourg")
    private String locality;

    /**
     * CA subject state or province (ST).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_STATE, defaultValue = "Luxembourg")
    private String state;

    /**
     * CA subject organization (O).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_ORGANIZATION, defaultValue = "AWS")
    private String organization;

    /**
     * CA subject organizational unit (OU).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_ORGANIZATIONAL_UNIT, defaultValue = "Demo")
    private String organizationalUnit;

    @Override
    protected void run() throws IOException, MojoFailureException {
        if (validityDays < 1) {
            throw new MojoFailureException(PropertyNames.CA_VALIDITY_DAYS + " must be at least 1, not " + validityDays
                    + "; e.g. -D" + PropertyNames.CA_VALIDITY_DAYS + "=1024");
        }
        CaStore store = caStore();
        SubjectProfile subject = new SubjectProfile(commonName == null ? store.name() : commonName, country, locality, state, organization,
                organizationalUnit, null, null);
        KeyAlgorithm algorithm = KeyAlgorithm.parse(keyAlgorithm, PropertyNames.KEY_ALGORITHM);
        char[] password = caPassword();
        try {
            store.createOrReuse(subject, algorithm, validityDays, password, force, reporter());
        } finally {
            clear(password);
        }
    }

    @Override
    protected String goal() {
        return "create-ca";
    }

    @Override
    protected boolean skipGoal() {
        return skipCreateCa;
    }
}
