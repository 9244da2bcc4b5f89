/** SQS for the stand-in: an embedded ElasticMQ server, reached by clients over both SQS wire protocols. */
package io.jitp.emulator.sqs;
