/**
 * Implementation details shared between the SDK's packages. Not part of the public API: types here
 * may change or disappear in any release.
 */
package org.eseal.core.internal;
