/** The stand-in's rules engine: topic rules ({@code SELECT * FROM '<filter>' [WHERE …]}) and their SQS actions. */
package io.jitp.emulator.rules;
