"""`kg push`: copy every named graph into a bigger SPARQL store over HTTP.

The SPARQL 1.1 Graph Store HTTP Protocol first, in batches: the first batch is a dataset PUT of
N-Quads (it replaces the remote dataset, so the remote becomes a copy and a second push replaces
rather than doubles), later batches are dataset POSTs (Oxigraph, Fuseki's dataset endpoint and
GraphDB's statements endpoint take these). A store that refuses dataset requests gets one PUT per
graph (``?graph=IRI``, which replaces that graph and leaves its others alone; also what
--per-graph asks for), and an endpoint that refuses the Graph Store Protocol altogether gets
SPARQL Update (DROP SILENT GRAPH + INSERT DATA), again in batches.
"""
from __future__ import annotations

import base64
import itertools
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pyoxigraph as ox

from kg.api import UserError

REFUSED = {400, 404, 405, 406, 415, 501}   # "not this kind of request here": try the next way


@dataclass
class Report:
    graphs: int = 0
    quads: int = 0
    requests: int = 0
    method: str = ""


class Remote:
    def __init__(self, endpoint: str, auth: str | None, timeout: float = 300):
        self.endpoint, self.timeout = endpoint, timeout
        self.headers = {}
        if auth:
            self.headers["Authorization"] = "Basic " + base64.b64encode(auth.encode()).decode()
        self.requests = 0

    def send(self, method: str, body: bytes, media: str, query: str = "") -> int:
        """The HTTP status; unreachable endpoints and refused credentials are one-line errors."""
        url = self.endpoint + (("&" if "?" in self.endpoint else "?") + query if query else "")
        request = urllib.request.Request(url, body, {**self.headers, "Content-Type": media}, method=method)
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status
        except urllib.error.HTTPError as err:
            if err.code in (401, 403):
                raise UserError(f"{self.endpoint} refused the request (HTTP {err.code}): check --auth") from None
            return err.code
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", None) or err
            raise UserError(f"cannot reach {self.endpoint}: {reason}") from None


def _graphs(store: ox.Store) -> list:
    graphs = sorted(store.named_graphs(), key=lambda g: g.value)
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        graphs.insert(0, ox.DefaultGraph())
    return graphs


def _batches(items: list, size: int):
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _quads(store: ox.Store, graphs: list) -> list[ox.Quad]:
    return [q for g in graphs for q in store.quads_for_pattern(None, None, None, g)]


def _refused(status: int, what: str, endpoint: str) -> bool:
    if status in REFUSED:
        return True
    if status >= 300:
        raise UserError(f"{endpoint} answered HTTP {status} to {what}")
    return False


def _by_dataset(store, remote, graphs, batch) -> bool:
    for i, chunk in enumerate(_batches(graphs, batch)):
        body = ox.serialize(_quads(store, chunk), format=ox.RdfFormat.N_QUADS)
        status = remote.send("POST" if i else "PUT", body, "application/n-quads")
        if _refused(status, "a dataset request", remote.endpoint):
            if i == 0:
                return False
            raise UserError(f"{remote.endpoint} took a dataset PUT but refused a dataset POST (HTTP {status})")
    return True


def _by_graph(store, remote, graphs) -> bool:
    for i, graph in enumerate(graphs):
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
        name = None if isinstance(graph, ox.DefaultGraph) else graph.value
        query = "default" if name is None else urllib.parse.urlencode({"graph": name})
        status = remote.send("PUT", ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                             "application/n-triples", query)
        if _refused(status, f"PUT of graph {name or 'default'}", remote.endpoint):
            if i == 0:
                return False
            raise UserError(f"{remote.endpoint} refused graph {name} (HTTP {status})")
    return True


def _by_update(store, remote, graphs, batch) -> None:
    for chunk in _batches(graphs, batch):
        parts = []
        for graph in chunk:
            body = ox.serialize([q.triple for q in store.quads_for_pattern(None, None, None, graph)],
                                format=ox.RdfFormat.N_TRIPLES).decode()
            if isinstance(graph, ox.DefaultGraph):
                parts.append(f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{body}}}")
            else:
                parts.append(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}}} }}")
        status = remote.send("POST", " ;\n".join(parts).encode(), "application/sparql-update")
        if status >= 300:
            raise UserError(f"{remote.endpoint} answered HTTP {status} to a SPARQL update: "
                            "is it a Graph Store or an update endpoint?")


def push(store: ox.Store, endpoint: str, batch: int = 1000, auth: str | None = None,
         per_graph: bool = False) -> Report:
    remote = Remote(endpoint, auth)
    graphs = _graphs(store)
    if not per_graph and _by_dataset(store, remote, graphs, batch):
        method = "dataset PUT/POST of N-Quads"
    elif _by_graph(store, remote, graphs):
        method = "Graph Store PUT per graph"
    else:
        _by_update(store, remote, graphs, batch)
        method = "SPARQL Update"
    return Report(len(graphs), len(store), remote.requests, method)
