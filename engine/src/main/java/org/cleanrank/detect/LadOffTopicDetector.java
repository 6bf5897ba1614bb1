package org.cleanrank.detect;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import org.cleanrank.rank.SampleRanking;

/**
 * SelfClean's off-topic ranking: LAD ({@code selfclean/scoring/lad_scoring.py}, {@code LAD.calc_scores})
 * over the single-linkage dendrogram drawn on [0,1] x [0,1].
 *
 * <p>The tree is walked depth first from the root, the child with fewer leaves first (children are
 * swapped only when left.count &gt; right.count). Each visited node adds the area of its rectangle; when
 * a node starts right of where the last leaf ended, the uncovered rectangles are added too. A leaf's score
 * is the running sum of all areas so far. <b>The ranking is the visit order of the leaves</b> (scores
 * are non-decreasing down it); it is not a sort by score.
 *
 * <p>The arithmetic is the reference's, operation for operation, in double precision, including its
 * geometry: a right child spans {@code [start + w*p_left, start + w*p_right]} (not up to {@code end}),
 * and the pending leaf edge is kept, not reset, when the next node starts exactly at it. With
 * {@code globalLeaves = false} (CleanPatrick's setting) leaf fractions are local to each node.
 */
public final class LadOffTopicDetector {
    private LadOffTopicDetector() {}

    public static SampleRanking rank(LinkageMatrix z, boolean globalLeaves) {
        int n = z.n();
        int root = 2 * n - 2;
        Pending stack = new Pending();
        stack.push(root, 0.0, 1.0, 1.0, -1);

        // white spaces: (start, yEnd, yStart)
        DoubleArrayList wsStart = new DoubleArrayList();
        DoubleArrayList wsYEnd = new DoubleArrayList();
        DoubleArrayList wsYStart = new DoubleArrayList();
        boolean haveLeafEnd = false;
        double leafEnd = 0, leafDist = 0;
        double sum = 0.0; // Python's sum(scores): sequential addition from 0
        int[] order = new int[n];
        double[] scores = new double[n];
        int visited = 0;

        while (stack.size > 0) {
            int top = --stack.size;
            int node = stack.node[top];
            double start = stack.start[top];
            double end = stack.end[top];
            double distParent = stack.distParent[top];
            int nLeaves = stack.leaves[top];
            boolean leaf = node < n;
            double nodeDist = leaf ? 0.0 : z.distance(node - n);

            // _check_for_unallocated_squares
            if (nodeDist > 0.0) {
                wsStart.add(end);
                wsYEnd.add(distParent);
                wsYStart.add(nodeDist);
            }
            if (haveLeafEnd && leafEnd != start) {
                double square = (start - leafEnd) * leafDist;
                if (square > 0.0) {
                    sum += square;
                }
                haveLeafEnd = false;
                for (int w = 0; w < wsStart.size(); w++) {
                    double xs = wsStart.getDouble(w);
                    if (xs < start) {
                        double sq = (start - xs) * (wsYEnd.getDouble(w) - wsYStart.getDouble(w));
                        if (sq > 0.0) {
                            sum += sq;
                        }
                    }
                }
                wsStart.clear();
                wsYEnd.clear();
                wsYStart.clear();
            }
            // _calculate_area_of_square
            double square = (end - start) * (distParent - nodeDist);
            if (square > 0.0) {
                sum += square;
            }

            if (!leaf) {
                int r = node - n;
                if (nLeaves < 0) {
                    nLeaves = z.size(r);
                }
                int left = z.left(r);
                int right = z.right(r);
                if (z.count(left) > z.count(right)) {
                    int t = left;
                    left = right;
                    right = t;
                }
                double pLeft = (double) z.count(left) / nLeaves;
                double pRight = (double) z.count(right) / nLeaves;
                double wLeft = start + (end - start) * pLeft;
                double wRight = start + (end - start) * pRight;
                int childLeaves = globalLeaves ? nLeaves : -1;
                // right pushed first so the left child is visited first
                stack.push(right, wLeft, wRight, nodeDist, childLeaves);
                stack.push(left, start, wLeft, nodeDist, childLeaves);
            } else {
                order[visited] = node;
                scores[visited] = sum;
                visited++;
                haveLeafEnd = true;
                leafEnd = end;
                leafDist = distParent;
            }
        }
        return new SampleRanking(order, scores);
    }

    /**
     * The walk's explicit stack (the tree can be as deep as n): per pending node its span on the x axis, its
     * parent's height and the leaf count fractions are taken against (-1: the node's own).
     */
    private static final class Pending {
        int[] node = new int[64];
        double[] start = new double[64];
        double[] end = new double[64];
        double[] distParent = new double[64];
        int[] leaves = new int[64];
        int size;

        void push(int nd, double s, double e, double dp, int lv) {
            if (size == node.length) {
                int c = 2 * size;
                node = java.util.Arrays.copyOf(node, c);
                start = java.util.Arrays.copyOf(start, c);
                end = java.util.Arrays.copyOf(end, c);
                distParent = java.util.Arrays.copyOf(distParent, c);
                leaves = java.util.Arrays.copyOf(leaves, c);
            }
            node[size] = nd;
            start[size] = s;
            end[size] = e;
            distParent[size] = dp;
            leaves[size] = lv;
            size++;
        }
    }
}
