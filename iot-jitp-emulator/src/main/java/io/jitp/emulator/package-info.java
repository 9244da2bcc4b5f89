/** The local stand-in for AWS IoT Core, CloudFormation and SQS; Maven-free and runnable on its own. */
package io.jitp.emulator;
