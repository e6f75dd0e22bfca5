"""`kg build`: ingest → nlp → extract → resolve → rdf → store, in batches.

Documents stream through in batches (memory stays flat), extraction runs in
``jobs`` worker processes with output identical to one job (results come back
in input order and resolution happens here, in that order), unchanged
documents are skipped, and the whole build lands in the store atomically.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections import Counter, defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

import kg
from kg import gazetteer, nlp, rdf
from kg.ingest import Problem, read_documents
from kg.lang import language
from kg.ontology import ontology_path
from kg.records import ENTITY_KIND, Document, Entity, ExtractedDocument
from kg.resolve.entities import GROUPS, resolve_entities
from kg.identity import IdentitySettings, drop_before_joins, join_aliases, resolve_store, undo
from kg.resolve.events import resolve_events
from kg.store import GraphStore
from kg.vocab import CRISIS, ENTITIES_GRAPH, ONTOLOGY_GRAPH, RDF, doc_iri, entity_iri, sparql_prefixes

RDF_TYPE = RDF + "type"

CHUNK = 32            # documents a worker extracts at a time
DATA = Path(kg.__file__).parent / "data"   # language-neutral data: the Wikidata tables
LOAD_QUADS = 200_000  # quads gathered before each bulk load into the store


@dataclass
class BuildReport:
    built: int = 0
    unchanged: int = 0
    removed: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    quads: int = 0


def settings_hash(use_model: bool) -> str:
    """What, besides the text, decides the output: version, data files (language-neutral and the
    language's), model."""
    digest = hashlib.sha256(kg.__version__.encode())
    for path in [*sorted(DATA.glob("*.*")), *sorted(language().path.glob("*.*"))]:
        digest.update(path.name.encode() + path.read_bytes())
    meta = nlp.MODEL_DIR / "meta.json"
    digest.update(str(use_model and meta.exists()).encode())
    if use_model and meta.exists():
        digest.update(meta.read_bytes())
    return digest.hexdigest()[:16]


# --- extraction (runs in workers) -------------------------------------------

_USE_MODEL = True


def _init_worker(use_model: bool) -> None:
    global _USE_MODEL
    _USE_MODEL = use_model
    nlp.load_pipeline(use_model)


def extract_documents(docs: list[Document], use_model: bool = True) -> list[ExtractedDocument]:
    """Extracted and resolved within each article: what an article gives depends on it alone."""
    from kg.extract import extract

    pipeline = nlp.load_pipeline(use_model)
    extracted = [extract(doc, sdoc) for doc, sdoc in zip(docs, pipeline.pipe(d.text for d in docs))]
    for ext in extracted:
        resolve_entities(ext)
        resolve_events(ext)
    return extracted


def _extract_chunk(docs: list[Document]) -> list[ExtractedDocument]:
    return extract_documents(docs, _USE_MODEL)


class Workers:
    """Extraction in this process or in a pool of ``jobs`` processes (kg.cluster.ClusterWorkers
    does the same on a Dask cluster).

    Chunks go to the pool ahead of need (a bounded window, so memory stays
    flat) and come back in input order: workers keep extracting while this
    process resolves and loads what came back. The window is wide enough
    (8 chunks a worker, about 4 s of work) that a bulk load here does not
    leave the workers idle. The pipeline is loaded before
    forking, so workers share it instead of each loading it again.
    """

    map = staticmethod(map)    # the identity stage's scoring runs here

    def __init__(self, jobs: int, use_model: bool):
        self.jobs, self.use_model = jobs, use_model

    def extract(self, chunks: Iterable[list[Document]]) -> Iterator[list[ExtractedDocument]]:
        if self.jobs == 1:
            yield from (extract_documents(chunk, self.use_model) for chunk in chunks)
            return
        nlp.load_pipeline(self.use_model)
        pool = multiprocessing.get_context("fork").Pool(self.jobs, _init_worker, (self.use_model,))
        try:
            pending: deque = deque()
            for chunk in chunks:
                pending.append(pool.apply_async(_extract_chunk, (chunk,)))
                if len(pending) > 8 * self.jobs:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
            pool.close()
        finally:
            pool.terminate()
            pool.join()


def _batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


# --- store helpers ------------------------------------------------------------

def stored_hashes(store: ox.Store) -> dict[str, tuple[str, str]]:
    q = sparql_prefixes() + """SELECT ?d ?c ?s WHERE { GRAPH ?d {
        ?d a crisis:Document ; crisis:contentHash ?c ; crisis:settingsHash ?s } }"""
    return {r["d"].value: (r["c"].value, r["s"].value) for r in store.query(q)}


def remove_document(store: ox.Store, iri: str) -> None:
    """Drop a document's graph and the graphs of its sentences, and what joins changed in them."""
    graph = ox.NamedNode(iri)
    q = sparql_prefixes() + "SELECT ?s ?d WHERE { GRAPH ?d { ?s a nif:Sentence ; nif:referenceContext ?d } }"
    sentences = [row["s"] for row in store.query(q, substitutions={ox.Variable("d"): graph})]
    drop_before_joins(store, [graph, *sentences])
    for sentence in sentences:
        store.remove_graph(sentence)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)


def load_ontology(store: ox.Store) -> None:
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=graph)


@dataclass
class Tally:
    """What `finish` needs from every mention, gathered as documents are built: a fresh build
    need not read all its mentions back from the store (slow at scale)."""
    names: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    documents: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, ext: ExtractedDocument) -> None:
        doc = doc_iri(ext.doc.id)
        for m in ext.mentions:
            self.names[m.entity][(m.cls, m.text)] += 1
            self.documents[m.entity].add(doc)

    @classmethod
    def of_store(cls, store: ox.Store) -> Tally:
        """Every mention in the store, in one query (grouped in the store: reading its quads one
        predicate at a time and joining them here is slower)."""
        q = sparql_prefixes() + """SELECT ?e ?cls ?anchor ?doc (COUNT(*) AS ?n) WHERE { GRAPH ?g {
            ?m itsrdf:taIdentRef ?e ; nif:anchorOf ?anchor ; itsrdf:taClassRef ?cls ; nif:referenceContext ?doc } }
            GROUP BY ?e ?cls ?anchor ?doc"""
        tally = cls()
        for r in store.query(q):
            entity = r["e"].value
            tally.names[entity][(r["cls"].value.rsplit("#", 1)[1], r["anchor"].value)] += int(r["n"].value)
            tally.documents[entity].add(r["doc"].value)
        return tally


def entities_from_mentions(names: dict[str, Counter]) -> list[Entity]:
    """Canonical label, alternative labels and most specific class of each entity."""
    gaz = gazetteer.load()
    group_labels = {entity_iri("group", key): label for key, label in GROUPS.values()}
    entities = []
    for iri, counts in sorted(names.items()):
        classes = Counter()
        for (cls, _), n in counts.items():
            classes[cls] += n
        specific = [c for c in classes if c not in ("Place", "Organization")]
        cls = max(specific or classes, key=lambda c: (classes[c], c))
        anchors = {a for _, a in counts}
        kind = ENTITY_KIND[cls]
        label = group_labels.get(iri)
        for anchor in anchors:
            for row in gaz.lookup(anchor):
                if label is None and entity_iri(kind, row.label_en or row.label_id) == iri:
                    label = row.label_en or row.label_id
        if label is None:
            freq = Counter()
            for (_, a), n in counts.items():
                freq[a] += n
            label = max(anchors, key=lambda a: (len(a.split()), freq[a], a))
        entities.append(Entity(iri, cls, label, anchors))
    return entities


def rewrite_entities(store: ox.Store, names: dict[str, Counter]) -> None:
    """Make the entities graph describe ``names``, writing only the quads that change: a reload
    changes few of them."""
    graph = ox.NamedNode(ENTITIES_GRAPH)
    old = set(store.quads_for_pattern(None, None, None, graph))
    new = set(rdf.entity_quads(entities_from_mentions(names)))
    for q in old - new:
        store.remove(q)
    store.bulk_extend(new - old)   # a write's generation is discarded on failure: no transaction needed


# --- build --------------------------------------------------------------------

def extracted_batches(docs: Iterable[Document], workers, problems: list[Problem],
                      wanted: Callable[[Document], bool] = lambda doc: True) -> Iterator[list[ExtractedDocument]]:
    """Documents extracted by ``workers`` (Workers, ClusterWorkers), in input order, a chunk at a time."""
    seen: set[str] = set()

    def todo() -> Iterator[Document]:
        for doc in docs:
            if doc.id in seen:
                problems.append(Problem(doc.source, f"duplicate document id {doc.id!r}; skipped"))
                continue
            seen.add(doc.id)
            if wanted(doc):
                yield doc

    yield from workers.extract(_batched(todo(), CHUNK))


@contextmanager
def workers_for(jobs: int | None, use_model: bool, scheduler: str | None) -> Iterator:
    """Processes of this machine, or a Dask cluster's workers when a scheduler is given."""
    if scheduler is None:
        yield Workers(_jobs(jobs), use_model)
        return
    from kg import cluster

    with cluster.connect(scheduler, lambda: nlp.load_pipeline(use_model)) as client:
        yield cluster.ClusterWorkers(client, use_model, scheduler, extract_documents)


def build(inputs: list[Path], store_path: Path, manifest: Path | None = None, jobs: int | None = None,
          use_model: bool = True, prune: bool = False, wait: bool = False,
          progress: Callable[[int], None] | None = None, identity: IdentitySettings | None = None,
          scheduler: str | None = None) -> BuildReport:
    report = BuildReport()
    started = time.perf_counter()
    settings = settings_hash(use_model)
    docs = read_documents(inputs, report.problems, manifest)
    with workers_for(jobs, use_model, scheduler) as workers, GraphStore(store_path).write(wait=wait) as store:
        load_ontology(store)
        known = stored_hashes(store)
        seen: set[str] = set()

        def changed(doc: Document) -> bool:
            iri = doc_iri(doc.id)
            seen.add(iri)
            if known.get(iri) == (doc.content_hash, settings):
                report.unchanged += 1
                return False
            return True

        tally = Tally() if not known else None    # a store with documents already: read it back at the end
        quads: list[ox.Quad] = []
        for extracted in extracted_batches(docs, workers, report.problems, changed):
            for ext in extracted:
                if doc_iri(ext.doc.id) in known:
                    remove_document(store, doc_iri(ext.doc.id))
                quads.extend(rdf.document_quads(ext, settings))
                if tally is not None:
                    tally.add(ext)
            if len(quads) >= LOAD_QUADS:
                store.bulk_extend(quads)   # this generation is discarded on failure: no transaction needed
                quads = []
            report.built += len(extracted)
            if progress:
                progress(report.built + report.unchanged)
        store.bulk_extend(quads)
        if prune:
            for iri in set(known) - seen:
                remove_document(store, iri)
                report.removed += 1
        finish(store, tally, identity, workers.map)
        report.quads = len(store)
    report.seconds = time.perf_counter() - started
    return report


def finish(store: ox.Store, tally: Tally | None = None, identity: IdentitySettings | None = None,
           map: Callable = map) -> None:
    """What depends on all documents, decided again over everything in the store once the last
    joins are undone: other names of one entity joined into it, entity labels and links, then
    which reports in different articles are one event (it weighs entities by their class; ``map``
    scores its candidate pairs)."""
    undo(store)
    label_and_link(store, tally)
    resolve_store(store, identity, map)


def label_and_link(store: ox.Store, tally: Tally | None = None) -> None:
    """Aliases joined, entity labels and offline Wikidata links, from the ``tally`` of a fresh
    build, else from the mentions in the store."""
    from kg.link import link_store_entities

    tally = Tally.of_store(store) if tally is None else tally
    join_aliases(store, tally.names, tally.documents)
    rewrite_entities(store, tally.names)
    link_store_entities(store, online=False, documents=tally.documents)


def _jobs(jobs: int | None) -> int:
    return max(1, jobs or os.cpu_count() or 1)


def extract_shard(inputs: list[Path], output: Path, manifest: Path | None = None, jobs: int | None = None,
                  use_model: bool = True) -> BuildReport:
    """N-Quads of documents and sentences, with no store: a shard any batch engine can produce.

    Shards are deterministic (same inputs, same bytes) and mergeable: `kg load` loads
    any number of them and derives entity labels and links from the whole.
    """
    report = BuildReport()
    started = time.perf_counter()
    settings = settings_hash(use_model)
    docs = read_documents(inputs, report.problems, manifest)
    with open(output, "wb") as out:
        for extracted in extracted_batches(docs, Workers(_jobs(jobs), use_model), report.problems):
            quads = [q for ext in extracted for q in rdf.document_quads(ext, settings)]
            ox.serialize(quads, output=out, format=ox.RdfFormat.N_QUADS)
            report.built += len(extracted)
            report.quads += len(quads)
    report.seconds = time.perf_counter() - started
    return report


def load_shards(shards: list[Path], store_path: Path, wait: bool = False,
                identity: IdentitySettings | None = None) -> BuildReport:
    """Load shards made by `extract_shard`, replacing the documents they contain."""
    report = BuildReport()
    started = time.perf_counter()
    with GraphStore(store_path).write(wait=wait) as store:
        load_ontology(store)
        for shard in shards:
            for iri in shard_documents(shard):
                remove_document(store, iri)
                report.built += 1
            store.bulk_load(path=str(shard), format=ox.RdfFormat.N_QUADS)
        finish(store, identity=identity)
        report.quads = len(store)
    report.seconds = time.perf_counter() - started
    return report


def shard_documents(shard: Path) -> list[str]:
    """IRIs of the documents in a shard, read from its lines without loading it."""
    marker = f"<{RDF_TYPE}> <{CRISIS}Document> "
    found = []
    with open(shard, encoding="utf-8") as lines:
        for line in lines:
            if marker in line and line.startswith("<"):
                found.append(line[1:line.index(">")])
    return found
