package io.jitp.emulator.iot;

import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS IoT registry of one account and region: CAs, certificates, things, policies, topic rules and the links
 * between them. Every change is validated as AWS IoT validates it, stored (a line appended to
 * {@value #JOURNAL_FILE}, folded into the snapshot {@value #STATE_FILE} from time to time, see
 * {@link RegistryJournal}), then announced to the {@link RegistryListener}s. Thread-safe.
 */
public final class IotRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(IotRegistry.class);

    /** Name of the registry's state file (its snapshot) inside the state directory. */
    public static final String STATE_FILE = "iot-registry.json";
    /** Name of the journal of changes made since the snapshot. */
    public static final String JOURNAL_FILE = "iot-registry.journal";

    private static final String CA_CERTIFICATES = "caCertificates";
    private static final String CERTIFICATES = "certificates";
    private static final String THINGS = "things";
    private static final String THING_PRINCIPALS = "thingPrincipals";
    private static final String POLICIES = "policies";
    private static final String POLICY_TARGETS = "policyTargets";
    private static final String TOPIC_RULES = "topicRules";

    static final int MAX_CAS_PER_SUBJECT = 10;
    static final int MAX_POLICY_VERSIONS = 5;
    static final int MAX_CA_PEM_CHARS = 65536;
    static final int MAX_TEMPLATE_BODY_CHARS = 10240;

    private final String region;
    private final String accountId;
    private final Path stateDirectory;
    private final RegistryJournal journal;
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();
    /** Parsed CA certificates, so finding a device's issuer on each connection does not re-parse PEM. */
    private final Map<String, X509Certificate> parsedCas = new ConcurrentHashMap<>();
    private final IssuerCache issuers = new IssuerCache();

    private final Map<String, CaCertificate> caCertificates = new LinkedHashMap<>();
    private final Map<String, Certificate> certificates = new LinkedHashMap<>();
    private final Map<String, Thing> things = new TreeMap<>();
    private final Map<String, Set<String>> thingPrincipals = new TreeMap<>();
    private final Map<String, Policy> policies = new TreeMap<>();
    private final Map<String, Set<String>> policyTargets = new TreeMap<>();
    private final Map<String, TopicRule> topicRules = new TreeMap<>();

    /** The persisted collections by {@link RegistryState} component name, for the journal. */
    private final Map<String, Map<String, ?>> collections = Map.of(CA_CERTIFICATES, caCertificates,
            CERTIFICATES, certificates, THINGS, things, THING_PRINCIPALS, thingPrincipals, POLICIES, policies,
            POLICY_TARGETS, policyTargets, TOPIC_RULES, topicRules);

    private IotRegistry(String region, String accountId, Path stateDirectory) {
        this.region = region;
        this.accountId = accountId;
        this.stateDirectory = stateDirectory;
        this.journal = new RegistryJournal(stateDirectory.resolve(STATE_FILE), stateDirectory.resolve(JOURNAL_FILE));
    }

    /**
     * Opens the registry stored in a state directory, empty if nothing was stored yet.
     *
     * @param stateDirectory the state directory (must exist)
     * @param region the region ARNs name
     * @param accountId the account ARNs name
     * @return the registry
     * @throws io.jitp.emulator.state.StateFileException if the stored registry is corrupt
     * @throws IOException if it cannot be read
     */
    public static IotRegistry open(Path stateDirectory, String region, String accountId) throws IOException {
        IotRegistry registry = new IotRegistry(region, accountId, stateDirectory);
        registry.journal.load().ifPresent(registry::restore);
        if (registry.journal.hasChanges()) {
            registry.checkpoint();
        }
        return registry;
    }

    /** @return the region */
    public String region() {
        return region;
    }

    /** @return the account id */
    public String accountId() {
        return accountId;
    }

    /**
     * @param resourceType e.g. {@code cert}, {@code cacert}, {@code thing}, {@code policy}, {@code rule}
     * @param name the resource's name or id
     * @return {@code arn:aws:iot:<region>:<account>:<resourceType>/<name>}
     */
    public String arn(String resourceType, String name) {
        return "arn:aws:iot:" + region + ":" + accountId + ":" + resourceType + "/" + name;
    }

    /**
     * @return the 64-hex-character registration code; the same on every call for this account and region, as in
     *         AWS (it is derived from them, so it also survives a reset of the state directory)
     */
    public String registrationCode() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("iot-jitp registration code " + accountId + " " + region)
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @param listener told about every change from now on */
    public void addListener(RegistryListener listener) {
        listeners.add(listener);
    }

    // ---------------------------------------------------------------- CA certificates

    /**
     * Registers a CA certificate, verifying it as AWS does.
     *
     * @param caPem the CA certificate PEM
     * @param verificationPem the verification certificate PEM (DEFAULT mode), or null (SNI_ONLY)
     * @param mode DEFAULT or SNI_ONLY; null means DEFAULT
     * @param setAsActive whether it starts ACTIVE (else INACTIVE)
     * @param allowAutoRegistration whether auto-registration starts ENABLE (else DISABLE)
     * @param registrationConfig the JITP template and role, or null
     * @param tags resource tags, or null
     * @return the registered CA
     */
    public CaCertificate registerCaCertificate(String caPem, String verificationPem, CertificateMode mode,
            boolean setAsActive, boolean allowAutoRegistration, RegistrationConfig registrationConfig,
            Map<String, String> tags) {
        CertificateMode certificateMode = mode == null ? CertificateMode.DEFAULT : mode;
        if (caPem != null && caPem.length() > MAX_CA_PEM_CHARS) {
            throw IotException.invalidRequest("caCertificate exceeds " + MAX_CA_PEM_CHARS + " characters");
        }
        checkRegistrationConfig(registrationConfig);
        X509Certificate ca = X509Pem.parse(caPem);
        CaVerification.checkCaCertificate(ca);
        boolean hasVerification = verificationPem != null && !verificationPem.isBlank();
        if (certificateMode == CertificateMode.DEFAULT && !hasVerification) {
            throw IotException.invalidRequest(
                    "verificationCertificate is required when certificateMode is DEFAULT");
        }
        if (certificateMode == CertificateMode.SNI_ONLY && hasVerification) {
            throw IotException.invalidRequest(
                    "verificationCertificate must be empty when certificateMode is SNI_ONLY");
        }
        if (hasVerification) {
            CaVerification.checkVerificationCertificate(X509Pem.parse(verificationPem), ca, registrationCode());
        }
        String id = CertificateIds.of(ca);
        CaCertificate registered;
        synchronized (this) {
            CaCertificate existing = caCertificates.get(id);
            if (existing != null) {
                throw IotException.alreadyExists("The CA certificate is already registered", id, existing.arn());
            }
            long sameSubject = caCertificates.values().stream()
                    .filter(other -> parsedCa(other).getSubjectX500Principal().equals(ca.getSubjectX500Principal()))
                    .count();
            if (sameSubject >= MAX_CAS_PER_SUBJECT) {
                throw IotException.limitExceeded("At most " + MAX_CAS_PER_SUBJECT
                        + " CA certificates with the same subject can be registered");
            }
            Instant now = now();
            registered = new CaCertificate(id, arn("cacert", id), Pem.encode(ca),
                    setAsActive ? CaCertificateStatus.ACTIVE : CaCertificateStatus.INACTIVE,
                    allowAutoRegistration ? AutoRegistrationStatus.ENABLE : AutoRegistrationStatus.DISABLE,
                    registrationConfig, certificateMode, now, now, 1, UUID.randomUUID().toString(),
                    tags == null ? Map.of() : Map.copyOf(tags));
            caCertificates.put(id, registered);
            parsedCas.put(id, ca);
            persist(CA_CERTIFICATES, id);
        }
        fire(l -> l.caCertificateChanged(registered));
        return registered;
    }

    /**
     * Changes a CA's status, auto-registration status or registration config; null arguments leave it unchanged.
     *
     * @param id the CA id
     * @param newStatus the new status, or null
     * @param newAutoRegistrationStatus the new auto-registration status, or null
     * @param registrationConfig the new registration config, or null
     * @param removeAutoRegistration whether to drop the registration config
     * @return the updated CA
     */
    public CaCertificate updateCaCertificate(String id, CaCertificateStatus newStatus,
            AutoRegistrationStatus newAutoRegistrationStatus, RegistrationConfig registrationConfig,
            boolean removeAutoRegistration) {
        checkRegistrationConfig(registrationConfig);
        CaCertificate updated;
        synchronized (this) {
            CaCertificate ca = requireCa(id);
            RegistrationConfig config = removeAutoRegistration ? null
                    : registrationConfig != null ? registrationConfig : ca.registrationConfig();
            updated = new CaCertificate(ca.id(), ca.arn(), ca.pem(),
                    newStatus != null ? newStatus : ca.status(),
                    newAutoRegistrationStatus != null ? newAutoRegistrationStatus : ca.autoRegistrationStatus(),
                    config, ca.certificateMode(), ca.creationDate(), now(), ca.customerVersion() + 1,
                    UUID.randomUUID().toString(), ca.tags());
            caCertificates.put(id, updated);
            persist(CA_CERTIFICATES, id);
        }
        fire(l -> l.caCertificateChanged(updated));
        return updated;
    }

    /**
     * @param id the CA id
     * @throws IotException CertificateStateException while the CA is ACTIVE
     */
    public void deleteCaCertificate(String id) {
        synchronized (this) {
            CaCertificate ca = requireCa(id);
            if (ca.isActive()) {
                throw IotException.certificateState("The CA certificate " + id
                        + " is ACTIVE; set it INACTIVE before deleting it");
            }
            caCertificates.remove(id);
            parsedCas.remove(id);
            persist(CA_CERTIFICATES, id);
        }
    }

    /** @param id a CA id @return the CA, if registered */
    public synchronized Optional<CaCertificate> findCaCertificate(String id) {
        return Optional.ofNullable(caCertificates.get(id));
    }

    /**
     * @param deviceCertificate a device certificate
     * @return the registered CA (in any status) that issued it: issuer name matches and the signature verifies
     */
    public Optional<CaCertificate> findIssuingCa(X509Certificate deviceCertificate) {
        String certificateId = CertificateIds.of(deviceCertificate);
        Optional<CaCertificate> known = issuers.issuerOf(certificateId).flatMap(this::findCaCertificate);
        if (known.isPresent()) {
            return known;
        }
        Optional<CaCertificate> found = caCertificates().stream()
                .filter(ca -> CaVerification.signedBy(deviceCertificate, parsedCa(ca)))
                .findFirst();
        found.ifPresent(ca -> issuers.remember(certificateId, ca.id()));
        return found;
    }

    /** @return every registered CA, in registration order */
    public synchronized List<CaCertificate> caCertificates() {
        return List.copyOf(caCertificates.values());
    }

    // ---------------------------------------------------------------- device certificates

    /**
     * Registers a device certificate signed by a registered CA (RegisterCertificate).
     *
     * @param pem the device certificate PEM
     * @param caPem the signing CA's PEM, or null to find it among the registered CAs
     * @param status its initial status; null means INACTIVE
     * @return the registered certificate
     */
    public Certificate registerCertificate(String pem, String caPem, CertificateStatus status) {
        X509Certificate certificate = X509Pem.parse(pem);
        CaVerification.checkValidity(certificate, "certificate");
        CaCertificate ca;
        if (caPem != null && !caPem.isBlank()) {
            String caId = CertificateIds.of(X509Pem.parse(caPem));
            ca = findCaCertificate(caId).orElseThrow(() -> IotException.certificateValidation(
                    "The CA certificate " + caId + " is not registered"));
            if (!CaVerification.signedBy(certificate, parsedCa(ca))) {
                throw IotException.certificateValidation("The certificate is not signed by the given CA");
            }
        } else {
            ca = findIssuingCa(certificate).orElseThrow(() -> IotException.certificateValidation(
                    "The certificate is not signed by a registered CA certificate"));
        }
        return addCertificate(certificate, status == null ? CertificateStatus.INACTIVE : status, ca.id(),
                ca.certificateMode(), false);
    }

    /**
     * Registers a device certificate without its CA (RegisterCertificateWithoutCA); it can then only connect
     * with SNI, as in AWS.
     *
     * @param pem the certificate PEM
     * @param status its initial status; null means INACTIVE
     * @return the registered certificate
     */
    public Certificate registerCertificateWithoutCa(String pem, CertificateStatus status) {
        X509Certificate certificate = X509Pem.parse(pem);
        CaVerification.checkValidity(certificate, "certificate");
        return addCertificate(certificate, status == null ? CertificateStatus.INACTIVE : status, null,
                CertificateMode.SNI_ONLY, false);
    }

    /**
     * Registers a certificate the stand-in's own CA issued (CreateKeysAndCertificate).
     *
     * @param certificate the issued certificate
     * @param status its initial status
     * @return the registered certificate
     */
    public Certificate registerIssuedCertificate(X509Certificate certificate, CertificateStatus status) {
        return addCertificate(certificate, status, null, CertificateMode.DEFAULT, false);
    }

    /**
     * Registers a device certificate on its first connection (JITP): PENDING_ACTIVATION; idempotent, returning the
     * existing certificate when it is already registered.
     *
     * @param certificate the device certificate
     * @param ca the registered CA that issued it
     * @return the registered certificate
     */
    public Certificate registerJitpCertificate(X509Certificate certificate, CaCertificate ca) {
        return addCertificate(certificate, CertificateStatus.PENDING_ACTIVATION, ca.id(), ca.certificateMode(),
                true);
    }

    private Certificate addCertificate(X509Certificate x509, CertificateStatus status, String caId,
            CertificateMode mode, boolean returnExisting) {
        String id = CertificateIds.of(x509);
        Certificate added;
        synchronized (this) {
            Certificate existing = certificates.get(id);
            if (existing != null) {
                if (returnExisting) {
                    return existing;
                }
                throw IotException.alreadyExists("The certificate is already registered", id, existing.arn());
            }
            Instant now = now();
            added = new Certificate(id, arn("cert", id), Pem.encode(x509), status, caId, mode, now, now, 1,
                    UUID.randomUUID().toString());
            certificates.put(id, added);
            persist(CERTIFICATES, id);
        }
        fire(l -> l.certificateStatusChanged(added));
        return added;
    }

    /** @param certificateId a certificate id @return the certificate, if registered */
    public synchronized Optional<Certificate> findCertificate(String certificateId) {
        return Optional.ofNullable(certificates.get(certificateId));
    }

    /**
     * Sets a certificate's status (UpdateCertificate): ACTIVE, INACTIVE or REVOKED; the same status again is a
     * no-op. REVOKED is final, and so is PENDING_TRANSFER here (transfers are not supported).
     *
     * @param id the certificate id
     * @param status the new status
     */
    public void updateCertificateStatus(String id, CertificateStatus status) {
        if (status != CertificateStatus.ACTIVE && status != CertificateStatus.INACTIVE
                && status != CertificateStatus.REVOKED) {
            throw IotException.invalidRequest("Status " + status + " cannot be set by UpdateCertificate");
        }
        Certificate updated;
        synchronized (this) {
            Certificate certificate = requireCertificate(id);
            if (certificate.status() == status) {
                return;
            }
            if (certificate.status() == CertificateStatus.REVOKED
                    || certificate.status() == CertificateStatus.PENDING_TRANSFER) {
                throw IotException.certificateState("The certificate " + id + " is " + certificate.status()
                        + " and its status cannot be changed");
            }
            updated = new Certificate(certificate.id(), certificate.arn(), certificate.pem(), status,
                    certificate.caCertificateId(), certificate.certificateMode(), certificate.creationDate(), now(),
                    certificate.customerVersion() + 1, UUID.randomUUID().toString());
            certificates.put(id, updated);
            persist(CERTIFICATES, id);
        }
        fire(l -> l.certificateStatusChanged(updated));
    }

    /**
     * Deletes a certificate: refused while ACTIVE (or PENDING_TRANSFER) or attached to a thing, and while policies
     * are attached unless {@code forceDelete}, which detaches them.
     *
     * @param id the certificate id
     * @param forceDelete whether to detach attached policies
     */
    public void deleteCertificate(String id, boolean forceDelete) {
        List<String> detached = new ArrayList<>();
        String arn;
        synchronized (this) {
            Certificate certificate = requireCertificate(id);
            arn = certificate.arn();
            if (certificate.isActive() || certificate.status() == CertificateStatus.PENDING_TRANSFER) {
                throw IotException.certificateState("The certificate " + id + " is " + certificate.status()
                        + "; set it INACTIVE before deleting it");
            }
            if (!principalThingsLocked(arn).isEmpty()) {
                throw IotException.deleteConflict("The certificate " + id
                        + " is attached to one or more things; detach it first");
            }
            List<String> attached = attachedPolicyNamesLocked(arn);
            if (!attached.isEmpty() && !forceDelete) {
                throw IotException.deleteConflict("The certificate " + id
                        + " has policies attached; detach them first or use forceDelete");
            }
            for (String policyName : attached) {
                policyTargets.get(policyName).remove(arn);
                detached.add(policyName);
            }
            certificates.remove(id);
            persist(CERTIFICATES, id);
            for (String policyName : detached) {
                persistMember(POLICY_TARGETS, policyName, arn, false);
            }
        }
        detached.forEach(policy -> fire(l -> l.policyAttachmentChanged(policy, arn)));
        fire(l -> l.certificateDeleted(id));
    }

    /** @return every certificate, in registration order */
    public synchronized List<Certificate> certificates() {
        return List.copyOf(certificates.values());
    }

    /** @param caCertificateId a CA id @return the certificates that CA signed, in registration order */
    public synchronized List<Certificate> certificatesByCa(String caCertificateId) {
        return certificates.values().stream().filter(c -> caCertificateId.equals(c.caCertificateId())).toList();
    }

    // ---------------------------------------------------------------- things

    /**
     * Creates a thing; the same thing again (same type and attributes) succeeds and returns it.
     *
     * @param name the thing name
     * @param thingTypeName its type, or null
     * @param attributes its attributes, or null
     * @return the thing
     */
    public Thing createThing(String name, String thingTypeName, Map<String, String> attributes) {
        IotNames.checkThingName(name);
        Map<String, String> attrs = attributes == null ? Map.of() : Map.copyOf(attributes);
        Thing created;
        synchronized (this) {
            Thing existing = things.get(name);
            if (existing != null) {
                if (Objects.equals(existing.thingTypeName(), thingTypeName) && existing.attributes().equals(attrs)) {
                    return existing;
                }
                throw IotException.alreadyExists("Thing " + name + " already exists with different attributes",
                        existing.id(), existing.arn());
            }
            created = new Thing(name, UUID.randomUUID().toString(), arn("thing", name), thingTypeName,
                    new TreeMap<>(attrs), 1);
            things.put(name, created);
            persist(THINGS, name);
        }
        fire(l -> l.thingChanged(name));
        return created;
    }

    /** @param name a thing name @return the thing, if it exists */
    public synchronized Optional<Thing> findThing(String name) {
        return Optional.ofNullable(things.get(name));
    }

    /** @return every thing, by name */
    public synchronized List<Thing> things() {
        return List.copyOf(things.values());
    }

    /**
     * Updates a thing's attributes.
     *
     * @param name the thing name
     * @param attributes the attributes to set; with {@code merge}, an empty value removes that attribute
     * @param merge whether to merge into the existing attributes rather than replace them
     * @return the updated thing
     */
    public Thing updateThingAttributes(String name, Map<String, String> attributes, boolean merge) {
        return updateThing(name, null, false, attributes, merge, null);
    }

    /**
     * Updates a thing (UpdateThing).
     *
     * @param name the thing name
     * @param thingTypeName a new type, or null to keep it
     * @param removeThingType whether to remove its type
     * @param attributes attributes to set, or null to keep them
     * @param merge whether to merge attributes (an empty value removes one) rather than replace them
     * @param expectedVersion the version the caller expects, or null
     * @return the updated thing
     */
    public Thing updateThing(String name, String thingTypeName, boolean removeThingType,
            Map<String, String> attributes, boolean merge, Long expectedVersion) {
        Thing updated;
        synchronized (this) {
            Thing thing = requireThing(name);
            if (expectedVersion != null && expectedVersion != thing.version()) {
                throw IotException.versionConflict("Thing " + name + " is at version " + thing.version()
                        + ", not " + expectedVersion);
            }
            Map<String, String> attrs = new TreeMap<>(thing.attributes());
            if (attributes != null) {
                if (!merge) {
                    attrs.clear();
                }
                attributes.forEach((key, value) -> {
                    if (merge && (value == null || value.isEmpty())) {
                        attrs.remove(key);
                    } else {
                        attrs.put(key, value);
                    }
                });
            }
            String type = removeThingType ? null : thingTypeName != null ? thingTypeName : thing.thingTypeName();
            updated = new Thing(name, thing.id(), thing.arn(), type, attrs, thing.version() + 1);
            things.put(name, updated);
            persist(THINGS, name);
        }
        fire(l -> l.thingChanged(name));
        return updated;
    }

    /**
     * Deletes a thing; deleting a thing that does not exist succeeds, as in AWS.
     *
     * @param name the thing name
     * @throws IotException InvalidRequestException while principals are attached
     */
    public void deleteThing(String name) {
        synchronized (this) {
            if (!things.containsKey(name)) {
                return;
            }
            if (!thingPrincipals.getOrDefault(name, Set.of()).isEmpty()) {
                throw IotException.invalidRequest("Cannot delete thing " + name
                        + " while principals are attached to it; detach them first");
            }
            things.remove(name);
            persist(THINGS, name);
            if (thingPrincipals.remove(name) != null) {
                persist(THING_PRINCIPALS, name);
            }
        }
        fire(l -> l.thingChanged(name));
    }

    /**
     * Attaches a certificate to a thing (idempotent).
     *
     * @param thingName the thing
     * @param principalArn the certificate ARN
     */
    public void attachThingPrincipal(String thingName, String principalArn) {
        synchronized (this) {
            requireThing(thingName);
            requirePrincipal(principalArn);
            if (!thingPrincipals.computeIfAbsent(thingName, k -> new LinkedHashSet<>()).add(principalArn)) {
                return;
            }
            persistMember(THING_PRINCIPALS, thingName, principalArn, true);
        }
        fire(l -> l.thingPrincipalChanged(thingName, principalArn));
    }

    /**
     * Detaches a principal from a thing (idempotent).
     *
     * @param thingName the thing
     * @param principalArn the principal ARN
     */
    public void detachThingPrincipal(String thingName, String principalArn) {
        synchronized (this) {
            requireThing(thingName);
            Set<String> principals = thingPrincipals.get(thingName);
            if (principals == null || !principals.remove(principalArn)) {
                return;
            }
            persistMember(THING_PRINCIPALS, thingName, principalArn, false);
        }
        fire(l -> l.thingPrincipalChanged(thingName, principalArn));
    }

    /** @param thingName a thing @return the principal ARNs attached to it @throws IotException if no such thing */
    public synchronized List<String> thingPrincipals(String thingName) {
        requireThing(thingName);
        return List.copyOf(thingPrincipals.getOrDefault(thingName, Set.of()));
    }

    /**
     * One lookup by thing name, where {@link #principalThings} scans every thing: asked on each authorization of
     * every connection, so its cost must not grow with the fleet.
     *
     * @param thingName    a thing name
     * @param principalArn a principal ARN
     * @return whether that thing exists and has that principal attached
     */
    public synchronized boolean isAttached(String thingName, String principalArn) {
        return thingPrincipals.getOrDefault(thingName, Set.of()).contains(principalArn);
    }

    /** @param principalArn a principal ARN @return the names of the things it is attached to */
    public synchronized List<String> principalThings(String principalArn) {
        return principalThingsLocked(principalArn);
    }

    private List<String> principalThingsLocked(String principalArn) {
        return thingPrincipals.entrySet().stream().filter(e -> e.getValue().contains(principalArn))
                .map(Map.Entry::getKey).toList();
    }

    // ---------------------------------------------------------------- policies

    /**
     * @param name the policy name
     * @param document the policy document (JSON)
     * @return the created policy, with version 1 as default
     */
    public Policy createPolicy(String name, String document) {
        IotNames.checkPolicyName(name);
        PolicyDocuments.validate(document);
        Policy created;
        synchronized (this) {
            Policy existing = policies.get(name);
            if (existing != null) {
                throw IotException.alreadyExists("Policy " + name + " already exists", name, existing.arn());
            }
            Instant now = now();
            created = new Policy(name, arn("policy", name), List.of(new PolicyVersion("1", document, now)), "1", 1,
                    now, now);
            policies.put(name, created);
            persist(POLICIES, name);
        }
        fire(l -> l.policyChanged(name));
        return created;
    }

    /** @param name a policy name @return the policy, if it exists */
    public synchronized Optional<Policy> findPolicy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    /** @return every policy, by name */
    public synchronized List<Policy> policies() {
        return List.copyOf(policies.values());
    }

    /**
     * Deletes a policy: refused while it is attached or has versions other than the default, as in AWS.
     *
     * @param name the policy name
     */
    public void deletePolicy(String name) {
        synchronized (this) {
            Policy policy = requirePolicy(name);
            if (!policyTargets.getOrDefault(name, Set.of()).isEmpty()) {
                throw IotException.deleteConflict("Policy " + name + " is attached to one or more targets");
            }
            if (policy.versions().size() > 1) {
                throw IotException.deleteConflict("Policy " + name
                        + " has non-default versions; delete them before deleting the policy");
            }
            policies.remove(name);
            persist(POLICIES, name);
            if (policyTargets.remove(name) != null) {
                persist(POLICY_TARGETS, name);
            }
        }
        fire(l -> l.policyChanged(name));
    }

    /**
     * @param name the policy name
     * @param document the new version's document
     * @param setAsDefault whether the new version becomes the default
     * @return the new version
     */
    public PolicyVersion createPolicyVersion(String name, String document, boolean setAsDefault) {
        PolicyDocuments.validate(document);
        PolicyVersion version;
        synchronized (this) {
            Policy policy = requirePolicy(name);
            if (policy.versions().size() >= MAX_POLICY_VERSIONS) {
                throw IotException.versionsLimitExceeded("Policy " + name + " already has "
                        + MAX_POLICY_VERSIONS + " versions; delete one first");
            }
            int number = policy.lastVersionNumber() + 1;
            version = new PolicyVersion(Integer.toString(number), document, now());
            List<PolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.add(version);
            policies.put(name, new Policy(name, policy.arn(), List.copyOf(versions),
                    setAsDefault ? version.versionId() : policy.defaultVersionId(), number, policy.creationDate(),
                    now()));
            persist(POLICIES, name);
        }
        if (setAsDefault) {
            fire(l -> l.policyChanged(name));
        }
        return version;
    }

    /**
     * @param name the policy name
     * @param versionId a version that is not the default
     */
    public void deletePolicyVersion(String name, String versionId) {
        synchronized (this) {
            Policy policy = requirePolicy(name);
            requireVersion(policy, versionId);
            if (policy.defaultVersionId().equals(versionId)) {
                throw IotException.deleteConflict("Version " + versionId + " is the default version of policy "
                        + name + " and cannot be deleted");
            }
            List<PolicyVersion> versions = policy.versions().stream()
                    .filter(v -> !v.versionId().equals(versionId)).toList();
            policies.put(name, new Policy(name, policy.arn(), versions, policy.defaultVersionId(),
                    policy.lastVersionNumber(), policy.creationDate(), now()));
            persist(POLICIES, name);
        }
    }

    /**
     * @param name the policy name
     * @param versionId the version to put in force
     */
    public void setDefaultPolicyVersion(String name, String versionId) {
        synchronized (this) {
            Policy policy = requirePolicy(name);
            requireVersion(policy, versionId);
            policies.put(name, new Policy(name, policy.arn(), policy.versions(), versionId,
                    policy.lastVersionNumber(), policy.creationDate(), now()));
            persist(POLICIES, name);
        }
        fire(l -> l.policyChanged(name));
    }

    /**
     * Attaches a policy to a target (idempotent). A certificate target must be registered.
     *
     * @param policyName the policy
     * @param targetArn a certificate ARN (or another principal ARN, recorded as given)
     */
    public void attachPolicy(String policyName, String targetArn) {
        synchronized (this) {
            requirePolicy(policyName);
            requirePrincipal(targetArn);
            if (!policyTargets.computeIfAbsent(policyName, k -> new LinkedHashSet<>()).add(targetArn)) {
                return;
            }
            persistMember(POLICY_TARGETS, policyName, targetArn, true);
        }
        fire(l -> l.policyAttachmentChanged(policyName, targetArn));
    }

    /**
     * Detaches a policy from a target (idempotent).
     *
     * @param policyName the policy
     * @param targetArn the target
     */
    public void detachPolicy(String policyName, String targetArn) {
        synchronized (this) {
            requirePolicy(policyName);
            Set<String> targets = policyTargets.get(policyName);
            if (targets == null || !targets.remove(targetArn)) {
                return;
            }
            persistMember(POLICY_TARGETS, policyName, targetArn, false);
        }
        fire(l -> l.policyAttachmentChanged(policyName, targetArn));
    }

    /** @param targetArn a target ARN @return the policies attached to it, by name */
    public synchronized List<Policy> attachedPolicies(String targetArn) {
        return attachedPolicyNamesLocked(targetArn).stream().map(policies::get).toList();
    }

    /** @param policyName a policy @return the targets it is attached to @throws IotException if no such policy */
    public synchronized List<String> policyTargets(String policyName) {
        requirePolicy(policyName);
        return List.copyOf(policyTargets.getOrDefault(policyName, Set.of()));
    }

    private List<String> attachedPolicyNamesLocked(String targetArn) {
        return policyTargets.entrySet().stream().filter(e -> e.getValue().contains(targetArn))
                .map(Map.Entry::getKey).toList();
    }

    // ---------------------------------------------------------------- topic rules

    /**
     * @param name the rule name
     * @param sql its SQL statement
     * @param sqlVersion its SQL version, or null for AWS's default 2015-10-08
     * @param disabled whether it starts disabled
     * @param actions its actions
     * @return the created rule
     */
    public TopicRule createTopicRule(String name, String sql, String sqlVersion, boolean disabled,
            List<RuleAction> actions) {
        return createTopicRule(name, sql, sqlVersion, null, disabled, actions);
    }

    /**
     * @param name the rule name
     * @param sql its SQL statement
     * @param sqlVersion its SQL version, or null for AWS's default 2015-10-08
     * @param description its description, or null
     * @param disabled whether it starts disabled
     * @param actions its actions
     * @return the created rule
     */
    public TopicRule createTopicRule(String name, String sql, String sqlVersion, String description,
            boolean disabled, List<RuleAction> actions) {
        return createTopicRule(name, sql, sqlVersion, description, disabled, actions, null);
    }

    /**
     * @param name the rule name
     * @param sql its SQL statement
     * @param sqlVersion its SQL version, or null for AWS's default 2015-10-08
     * @param description its description, or null
     * @param disabled whether it starts disabled
     * @param actions its actions
     * @param errorAction the action run when another fails, or null
     * @return the created rule
     */
    public TopicRule createTopicRule(String name, String sql, String sqlVersion, String description,
            boolean disabled, List<RuleAction> actions, RuleAction errorAction) {
        IotNames.checkRuleName(name);
        TopicRule rule = newRule(name, sql, sqlVersion, description, disabled, actions, errorAction, now());
        synchronized (this) {
            if (topicRules.containsKey(name)) {
                throw IotException.alreadyExists("Topic rule " + name + " already exists", name, rule.arn());
            }
            topicRules.put(name, rule);
            persist(TOPIC_RULES, name);
        }
        fire(RegistryListener::topicRulesChanged);
        return rule;
    }

    /**
     * Replaces a rule's definition (ReplaceTopicRule), keeping its creation time.
     *
     * @param name the rule name
     * @param sql its SQL statement
     * @param sqlVersion its SQL version, or null
     * @param description its description, or null
     * @param disabled whether it is disabled
     * @param actions its actions
     * @return the replaced rule
     */
    public TopicRule replaceTopicRule(String name, String sql, String sqlVersion, String description,
            boolean disabled, List<RuleAction> actions) {
        return replaceTopicRule(name, sql, sqlVersion, description, disabled, actions, null);
    }

    /**
     * Replaces a rule's definition (ReplaceTopicRule), keeping its creation time.
     *
     * @param name the rule name
     * @param sql its SQL statement
     * @param sqlVersion its SQL version, or null
     * @param description its description, or null
     * @param disabled whether it is disabled
     * @param actions its actions
     * @param errorAction the action run when another fails, or null
     * @return the replaced rule
     */
    public TopicRule replaceTopicRule(String name, String sql, String sqlVersion, String description,
            boolean disabled, List<RuleAction> actions, RuleAction errorAction) {
        TopicRule rule;
        synchronized (this) {
            TopicRule existing = requireRule(name);
            rule = newRule(name, sql, sqlVersion, description, disabled, actions, errorAction, existing.createdAt());
            topicRules.put(name, rule);
            persist(TOPIC_RULES, name);
        }
        fire(RegistryListener::topicRulesChanged);
        return rule;
    }

    private TopicRule newRule(String name, String sql, String sqlVersion, String description, boolean disabled,
            List<RuleAction> actions, RuleAction errorAction, Instant createdAt) {
        if (sql == null || !sql.trim().regionMatches(true, 0, "SELECT", 0, 6)) {
            throw new IotException("SqlParseException", 400, "The rule's SQL must be a SELECT statement: " + sql);
        }
        return new TopicRule(name, arn("rule", name), sql, sqlVersion == null ? "2015-10-08" : sqlVersion,
                description, disabled, actions == null ? List.of() : List.copyOf(actions), createdAt, errorAction);
    }

    /** @param name a rule name @return the rule, if it exists */
    public synchronized Optional<TopicRule> findTopicRule(String name) {
        return Optional.ofNullable(topicRules.get(name));
    }

    /** @param name the rule to delete @throws IotException UnauthorizedException if none (AWS's answer) */
    public void deleteTopicRule(String name) {
        synchronized (this) {
            requireRule(name);
            topicRules.remove(name);
            persist(TOPIC_RULES, name);
        }
        fire(RegistryListener::topicRulesChanged);
    }

    /**
     * @param name the rule
     * @param enabled whether it runs
     */
    public void setTopicRuleEnabled(String name, boolean enabled) {
        synchronized (this) {
            TopicRule rule = requireRule(name);
            topicRules.put(name, new TopicRule(rule.name(), rule.arn(), rule.sql(), rule.sqlVersion(),
                    rule.description(), !enabled, rule.actions(), rule.createdAt(), rule.errorAction()));
            persist(TOPIC_RULES, name);
        }
        fire(RegistryListener::topicRulesChanged);
    }

    /** @return every topic rule, by name */
    public synchronized List<TopicRule> topicRules() {
        return List.copyOf(topicRules.values());
    }

    // ---------------------------------------------------------------- internals

    private CaCertificate requireCa(String id) {
        CaCertificate ca = caCertificates.get(id);
        if (ca == null) {
            throw IotException.notFound("CA certificate " + id + " does not exist");
        }
        return ca;
    }

    private Certificate requireCertificate(String id) {
        Certificate certificate = certificates.get(id);
        if (certificate == null) {
            throw IotException.notFound("Certificate " + id + " does not exist");
        }
        return certificate;
    }

    private Thing requireThing(String name) {
        Thing thing = things.get(name);
        if (thing == null) {
            throw IotException.notFound("Thing " + name + " cannot be found.");
        }
        return thing;
    }

    private Policy requirePolicy(String name) {
        Policy policy = policies.get(name);
        if (policy == null) {
            throw IotException.notFound("Policy " + name + " does not exist");
        }
        return policy;
    }

    private static PolicyVersion requireVersion(Policy policy, String versionId) {
        return policy.version(versionId).orElseThrow(() -> IotException.notFound(
                "Version " + versionId + " of policy " + policy.name() + " does not exist"));
    }

    private TopicRule requireRule(String name) {
        TopicRule rule = topicRules.get(name);
        if (rule == null) {
            // AWS answers a missing rule with UnauthorizedException (its service model lists no NotFound).
            throw IotException.unauthorized("Topic rule " + name + " does not exist");
        }
        return rule;
    }

    /** Certificate principals must exist; other principal kinds (Cognito, thing groups) are taken as given. */
    private void requirePrincipal(String principalArn) {
        if (principalArn == null || principalArn.isBlank()) {
            throw IotException.invalidRequest("The principal is missing");
        }
        String certPrefix = ":cert/";
        int at = principalArn.indexOf(certPrefix);
        if (principalArn.startsWith("arn:") && at > 0) {
            requireCertificate(principalArn.substring(at + certPrefix.length()));
        } else if (!principalArn.startsWith("arn:")) {
            throw IotException.invalidRequest("The principal " + principalArn + " is not an ARN");
        }
    }

    private static void checkRegistrationConfig(RegistrationConfig config) {
        if (config != null && config.templateBody() != null
                && config.templateBody().length() > MAX_TEMPLATE_BODY_CHARS) {
            throw IotException.invalidRequest("registrationConfig.templateBody exceeds " + MAX_TEMPLATE_BODY_CHARS
                    + " characters");
        }
    }

    private X509Certificate parsedCa(CaCertificate ca) {
        return parsedCas.computeIfAbsent(ca.id(), key -> ca.x509());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The change is stored already: a failing listener is logged, never reported to the caller as a failure. */
    private void fire(Consumer<RegistryListener> event) {
        for (RegistryListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("Registry listener {} failed", listener.getClass().getName(), e);
            }
        }
    }

    private void restore(RegistryState state) {
        caCertificates.putAll(orEmpty(state.caCertificates()));
        certificates.putAll(orEmpty(state.certificates()));
        things.putAll(orEmpty(state.things()));
        orEmpty(state.thingPrincipals()).forEach((k, v) -> thingPrincipals.put(k, new LinkedHashSet<>(v)));
        policies.putAll(orEmpty(state.policies()));
        orEmpty(state.policyTargets()).forEach((k, v) -> policyTargets.put(k, new LinkedHashSet<>(v)));
        topicRules.putAll(orEmpty(state.topicRules()));
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    /** Called with the lock held, after each change: journals the entry's new value (or its removal). */
    private void persist(String collection, String key) {
        Object value = collections.get(collection).get(key);
        try {
            journal.append(collection, key, value instanceof Set<?> set ? List.copyOf(set) : value);
            if (journal.wantsCompaction(entryCount())) {
                journal.compact(snapshot());
            }
        } catch (IOException e) {
            throw storeFailed(e);
        }
    }

    /**
     * Called with the lock held, after a member was added to or removed from one of the set-valued collections:
     * journals only that member, since a policy attached to thousands of certificates would otherwise write all
     * of them on every attachment.
     */
    private void persistMember(String collection, String key, String member, boolean added) {
        try {
            journal.appendMember(collection, key, member, added);
            if (journal.wantsCompaction(entryCount())) {
                journal.compact(snapshot());
            }
        } catch (IOException e) {
            throw storeFailed(e);
        }
    }

    private IotException storeFailed(IOException e) {
        return new IotException("InternalFailureException", 500,
                "The stand-in could not store its state in " + stateDirectory + ": " + e.getMessage());
    }

    private int entryCount() {
        return collections.values().stream().mapToInt(Map::size).sum();
    }

    private RegistryState snapshot() {
        Map<String, List<String>> principals = new LinkedHashMap<>();
        thingPrincipals.forEach((k, v) -> principals.put(k, List.copyOf(v)));
        Map<String, List<String>> targets = new LinkedHashMap<>();
        policyTargets.forEach((k, v) -> targets.put(k, List.copyOf(v)));
        return new RegistryState(caCertificates, certificates, things, principals, policies, targets, topicRules);
    }

    /**
     * Folds the journal of changes into the snapshot file, leaving one compact file. Done when the registry opens,
     * when the journal grows long, and by the stand-in when it stops cleanly; never needed for durability. Also lets
     * go of the journal file, which the registry otherwise keeps open for appending.
     *
     * @throws IOException if the snapshot cannot be written
     */
    public synchronized void checkpoint() throws IOException {
        journal.compact(snapshot());
    }

}
