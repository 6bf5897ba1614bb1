/**
 * cleanlab's Confident Learning as CleanPatrick's detector runs it: the calibrated confident joint, the
 * label-issue filters ({@code prune_by_noise_rate}, cleanlab's default, and the other {@code filter_by}
 * methods) and the label-quality scores, from out-of-fold predicted probabilities, with the reference's
 * ranking and tie order.
 */
package org.cleanrank.label.cl;
