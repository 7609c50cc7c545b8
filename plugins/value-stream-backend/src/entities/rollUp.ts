/**
 * Roll-ups over the catalog's graph (DESIGN §15, §17): the entities of a group and its
 * sub-groups, and the groups under a parent. Pure: the graph comes from the entity index.
 */

/** Edges of the group graph and ownership, all refs lower case. */
export interface GroupGraph {
  /** group → its direct sub-groups (`parentOf`, or a child's `childOf`). */
  childrenOf: (groupRef: string) => Iterable<string>;
  /** group → the entities it owns directly (`ownedBy`). */
  ownedBy: (groupRef: string) => Iterable<string>;
}

/**
 * The group and, unless `includeSubgroups` is false, every group below it, each once:
 * a cycle in the graph (a group its own descendant) ends the walk where it closes.
 * Sorted, the group itself included.
 */
export function subgroupsOf(
  graph: Pick<GroupGraph, 'childrenOf'>,
  groupRef: string,
  includeSubgroups = true,
): string[] {
  const seen = new Set([groupRef]);
  if (includeSubgroups) {
    const queue = [groupRef];
    while (queue.length) {
      for (const child of graph.childrenOf(queue.shift()!)) {
        if (seen.has(child)) continue;
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return [...seen].sort();
}

/**
 * The entities a group rolls up: those it owns and, unless `includeSubgroups` is false,
 * those its sub-groups own, at any depth. An entity owned by two of them counts once.
 * Sorted.
 */
export function groupEntities(
  graph: GroupGraph,
  groupRef: string,
  includeSubgroups = true,
): string[] {
  const refs = new Set<string>();
  for (const group of subgroupsOf(graph, groupRef, includeSubgroups))
    for (const ref of graph.ownedBy(group)) refs.add(ref);
  return [...refs].sort();
}
