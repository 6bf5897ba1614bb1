package org.cleanrank.cli.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Near-duplicate groups: the connected components of the pairs any detector flags (a picture re-uploaded
 * three times is one group of three, even when only two of its three pairs were flagged). Largest group
 * first, then by the first file; members in file order; single pictures are no group.
 */
final class NearDuplicateGroups {
    private NearDuplicateGroups() {}

    static List<int[]> of(int n, List<AuditRun.PairList> lists) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (AuditRun.PairList l : lists) {
            for (int k = 0; k < l.flagged().length; k++) {
                if (l.flagged()[k]) {
                    int a = root(parent, l.ranking().i(k));
                    int b = root(parent, l.ranking().j(k));
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        List<List<Integer>> members = new ArrayList<>();
        int[] groupOfRoot = new int[n];
        java.util.Arrays.fill(groupOfRoot, -1);
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[root(parent, i)]++;
        }
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (size[r] < 2) {
                continue;
            }
            if (groupOfRoot[r] < 0) {
                groupOfRoot[r] = members.size();
                members.add(new ArrayList<>());
            }
            members.get(groupOfRoot[r]).add(i);
        }
        return members.stream()
                .map(m -> m.stream().mapToInt(Integer::intValue).toArray())
                .sorted(Comparator.<int[]>comparingInt(g -> -g.length).thenComparingInt(g -> g[0]))
                .toList();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
