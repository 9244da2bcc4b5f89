/**
 * The stand-in's HTTP front door: one port, every request SigV4-verified, IoT REST-JSON routed to the IoT API
 * and query-protocol forms ({@code POST /} with {@code Action=}) to a {@link io.jitp.emulator.http.QueryProtocolHandler}.
 */
package io.jitp.emulator.http;
