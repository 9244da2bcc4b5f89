def log = new File(basedir, 'build.log').text
def ca = { String name, String file -> new File(basedir, "broken/$name/$file").canonicalPath }

assert log.contains('CA file ' + ca('missing', 'root.ca.pem') + ' does not exist; create the CA with mvn iot:create-ca')
assert log.contains('CA ' + ca('mismatch', 'root.ca.pem') + ' (key ' + ca('mismatch', 'root.ca.key')
        + '): the private key does not belong to the CA certificate')
assert log.contains(ca('corrupt', 'root.ca.pem') + ' does not hold a valid PEM certificate')
assert log.contains('CA ' + ca('notca', 'root.ca.pem') + ' (key ' + ca('notca', 'root.ca.key')
        + ') is not a CA certificate (basicConstraints CA:TRUE is missing)')
assert log.contains('CA ' + ca('expired', 'root.ca.pem') + ' (key ' + ca('expired', 'root.ca.key') + ') expired on ')
assert log.contains('Private key ' + ca('encrypted', 'root.ca.key') + ' is encrypted but no password was given; '
        + 'give the CA key password with -Diot.caPasswordEnv=<variable name>')
def path = { String name -> new File(basedir, name).canonicalPath }
assert log.contains('The device list (iot.deviceList) ' + path('lists') + ' is a folder, not a file; name the file itself')
assert log.contains('Cannot create the output folder ' + path('out'))
// The cause's text is already in the message, so Maven does not append it a second time.
assert !log.contains('choose another folder: ')
assert new File(basedir, 'out').text == 'a regular file where the output folder goes'
// User mistakes are BUILD FAILUREs from MojoFailureException, never internal errors
assert !log.contains('MojoExecutionException')
assert !new File(basedir, 'target/iot-jitp').exists()
return true
