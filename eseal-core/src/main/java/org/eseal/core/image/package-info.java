/**
 * Seal images: {@link org.eseal.core.image.SealRenderer} draws the picture of a seal from a {@link
 * org.eseal.core.image.SealSpec} as a transparent PNG with an exact printed size.
 *
 * <p>The shape follows the seal's kind: round with a star for official and contract seals, oval for
 * finance and invoice seals, square for name seals. Characters come only from the CJK font inside
 * this package's resources (Droid Sans Fallback, Apache-2.0), drawn as outlines, so the picture
 * does not depend on the fonts of the machine that renders it.
 */
package org.eseal.core.image;
