"""A stable topological order of a network's nodes (used by inference and layout)."""

from __future__ import annotations

import heapq

from designer.graph.model import Graph


def topological_order(graph: Graph) -> list[str]:
    """A stable topological order (ties keep the order nodes were added in).

    Nodes on or behind a cycle are left out.  (Kahn's algorithm with a heap on the
    insertion rank: the order networkx's ``lexicographical_topological_sort``
    gives, without building a networkx graph on every edit.)
    """
    nodes = graph.nodes
    rank = {node.id: k for k, node in enumerate(nodes)}
    waiting = {
        node.id: sum(graph.has_node(e.source) for e in graph.edges_into(node.id))
        for node in nodes
    }
    ready = [
        (rank[node_id], node_id) for node_id, count in waiting.items() if count == 0
    ]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, node_id = heapq.heappop(ready)
        order.append(node_id)
        for edge in graph.edges_out_of(node_id):
            if edge.target not in waiting:  # an edge to a node that is gone
                continue
            waiting[edge.target] -= 1
            if waiting[edge.target] == 0:
                heapq.heappush(ready, (rank[edge.target], edge.target))
    return order
