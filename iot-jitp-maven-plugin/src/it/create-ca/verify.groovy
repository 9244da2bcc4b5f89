import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def log = new File(basedir, 'build.log').text
def ca = new File(basedir, 'ca')

def perms = { File f -> PosixFilePermissions.toString(Files.getPosixFilePermissions(f.toPath())) }

// 1: created, key encrypted with the password from the environment variable named by iot.caPasswordEnv
assert log.contains('Created CA ' + new File(ca, 'root.ca.pem').canonicalPath)
// 2: reused
assert log.contains('Reusing the existing CA ' + new File(ca, 'root.ca.pem').canonicalPath)
// 3: wrong password: a user error naming the key file
assert log.contains('root.ca.key cannot be decrypted: the password is wrong')
// 4: forced replacement with RSA
assert log.count('Created CA ' + new File(ca, 'root.ca.pem').canonicalPath) == 2
assert new File(ca, 'root.ca.key').text.startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----')
assert perms(new File(ca, 'root.ca.key')) == 'rw-------'
assert perms(new File(ca, 'root.ca.pem')) == 'rw-r--r--'
// 5: password from settings.xml
assert new File(ca, 'fromsettings.ca.key').text.startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----')
// 6: no password: plain key, 0600, and a warning
assert new File(ca, 'plain.ca.key').text.startsWith('-----BEGIN PRIVATE KEY-----')
assert perms(new File(ca, 'plain.ca.key')) == 'rw-------'
assert log.contains('[WARNING] CA key ' + new File(ca, 'plain.ca.key').canonicalPath + ' is stored unencrypted')
// 7, 8: user mistakes fail with the parameter named and nothing written
assert log.contains("iot.keyAlgorithm has the unknown key algorithm 'DSA'; use one of EC_P256, EC_P384, RSA_2048, RSA_3072, RSA_4096")
assert log.contains('Environment variable IT_UNSET_VARIABLE (named by iot.caPasswordEnv) is not set or empty')
assert !new File(ca, 'other.ca.pem').exists() && !new File(ca, 'other.ca.key').exists()
// 9, 10: skipped
assert log.contains('Skipping create-ca (iot.skip=true)')
assert log.contains('Skipping create-ca (iot.create-ca.skip=true)')
assert !new File(ca, 'skipped.ca.pem').exists()
// Subject fields as the seed: CN = CA name, then C, L, ST, O (overridden), OU
assert log.contains('Created CA') && log.contains('C=LU,ST=Luxembourg,L=Luxembourg,O=Acme,OU=Demo,CN=root')
// No password in the log, nor in any file the goals wrote but the encrypted keys
['it-env-password', 'not-the-password', 'it-only-password'].each { secret ->
    assert !log.contains(secret)
    ca.eachFileRecurse(groovy.io.FileType.FILES) { f -> assert f.name.endsWith('.ca.key') || !f.text.contains(secret) : f }
}
// Every CA created has its audit log, starting with the CA certificate itself
assert new File(ca, 'root.issued.log').readLines().size() == 2
return true
