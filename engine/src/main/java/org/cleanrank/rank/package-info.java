/**
 * What every detector returns and every writer and metric reads: sample rankings and pair rankings in
 * audit order (most suspicious first) with the reference's scores, and scipy's condensed pair
 * numbering that orders ties among pairs.
 */
package org.cleanrank.rank;
