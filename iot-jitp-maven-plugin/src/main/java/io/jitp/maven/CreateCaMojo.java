package io.jitp.maven;

import io.jitp.core.pki.CaCredentials;
import io.jitp.core.pki.CaKeyReference;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.NewCa;
import io.jitp.core.pki.Pkcs11Slot;
import io.jitp.core.pki.SubjectProfile;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;

/**
 * Creates the CA that signs device certificates: {@code <caName>.ca.pem} and {@code <caName>.ca.key} in
 * {@code caDirectory} (like the seed's {@code bin/create-ca}). With {@code pkcs11Library} set, the key is generated
 * inside a PKCS#11 token instead (sensitive, not extractable) and the folder holds {@code <caName>.ca.p11.json}, a
 * reference to it; every goal then signs through the token. An existing CA is reused and reported; replacing it
 * needs {@code -Diot.force=true}. Works without a POM: {@code mvn io.jitp:iot-jitp-maven-plugin:create-ca}.
 */
@Mojo(name = "create-ca", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false,
        threadSafe = true)
public class CreateCaMojo extends AbstractCaMojo {
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
     * PKCS#11 module (shared library) of a token to generate the CA key in, e.g.
     * {@code /usr/lib/softhsm/libsofthsm2.so}. Unset: the key goes to {@code <caName>.ca.key}. The token PIN comes
     * from {@code pkcs11PinServerId} or {@code pkcs11PinEnv}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PKCS11_LIBRARY)
    private File pkcs11Library;

    /**
     * Slot id of the token (e.g. as {@code softhsm2-util --show-slots} prints it); takes precedence over
     * {@code pkcs11SlotListIndex}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PKCS11_SLOT)
    private Long pkcs11Slot;

    /**
     * Position of the token in the module's slot list, used when {@code pkcs11Slot} is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PKCS11_SLOT_LIST_INDEX, defaultValue = "0")
    private int pkcs11SlotListIndex;

    /**
     * Alias (label) of the CA key in the token; defaults to {@code caName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PKCS11_KEY_ALIAS)
    private String pkcs11KeyAlias;

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
        CaKeyReference tokenKey = pkcs11Library == null ? null : new CaKeyReference(
                new Pkcs11Slot(pkcs11Library.toPath(), pkcs11Slot, pkcs11SlotListIndex),
                pkcs11KeyAlias == null ? store.name() : pkcs11KeyAlias);
        CaCredentials credentials = caCredentials();
        try {
            store.createOrReuse(new NewCa(subject, algorithm, validityDays, tokenKey), credentials, force,
                    requester(), reporter());
        } finally {
            credentials.clear();
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
