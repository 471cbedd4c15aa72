/**
 * The platform ledger seen from a client: signed, hash-chained ledger events in RFC 8785 canonical
 * JSON, and a monitor that remembers the newest trusted checkpoint and detects split views.
 */
package org.eseal.core.ledger;
