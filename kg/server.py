"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint, the saved queries, and a web page.

Starlette answers HTTP; queries run in a small pool of worker processes, each holding a read-only
store, because a pyoxigraph query cannot be interrupted inside its thread: a query past the time
limit has its process killed and replaced, the client gets 503, and the server keeps serving.
Results are serialised in the worker by pyoxigraph's own serialisers (Python never touches a row:
that is what kept the server slower than the engine), cut at the result limit by counting what
they write (the header X-SPARQL-MaxRows says so), so neither a huge result nor a slow query
reaches the web process, which waits on the workers' pipes in its event loop. A SERVICE call would
make the server fetch a URL a visitor chose: only the endpoints of an allow-list (none unless
asked) may be called, checked on the query's text before it runs.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import multiprocessing
import signal
import socket
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl

import pyoxigraph as ox

from kg.api import UserError
from kg.vocab import ID, PREFIXES

WEB = Path(__file__).resolve().parent / "web"
TSV = ox.QueryResultsFormat.TSV
SOLUTION_TYPES = {  # media type -> pyoxigraph format; the first is the default
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "text/n3": ox.RdfFormat.N3,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
# Answers are counted as pyoxigraph's serialiser writes them, never item by item in Python: by a
# mark each solution or triple adds (at least) once, and the marks an answer has besides (JSON
# one fewer, between solutions; CSV and TSV a header line). In TSV, N-Triples and N-Quads (a line
# each) the count is exact; elsewhere a mark inside a value can only over-count, and an answer
# that seems past the limit is made again as TSV.
MARKS = {ox.QueryResultsFormat.JSON: (b"},{", -1), ox.QueryResultsFormat.XML: (b"<result>", 0),
         ox.QueryResultsFormat.CSV: (b"\n", 1), TSV: (b"\n", 1),
         ox.RdfFormat.N_TRIPLES: (b"\n", 0), ox.RdfFormat.N_QUADS: (b"\n", 0)}
EXACT = {TSV, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS}
SD = "http://www.w3.org/ns/sparql-service-description#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@dataclass
class Job:
    """A query for a worker: SPARQL text, or a saved query's name and parameter values."""
    accept: str
    limit: int
    max_bytes: int = 100 << 20
    sparql: str = ""
    saved: str = ""
    params: dict[str, str] = field(default_factory=dict)
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    services: tuple[str, ...] = ()   # the SERVICE endpoints the query may call
    base: str | None = None          # the IRI relative IRIs in the query are resolved against
    about: str = ""                  # or: the IRI a page describes (kg.explain.describe)
    names: list[str] = field(default_factory=list)   # or: IRIs a page's table names (kg.explain.labels)


@dataclass
class Reply:
    status: int
    body: bytes
    media_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def error(status: int, message: str) -> Reply:
    return Reply(status, (message + "\n").encode())


# --- content negotiation and serialisation (in the worker) ----------------------

def negotiate(accept: str, offers: dict) -> str | None:
    """The offered media type the Accept header prefers (q-values, wildcards); None if none fits."""
    ranges = []
    for part in (accept or "*/*").split(","):
        kind, *params = [p.strip() for p in part.split(";")]
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            ranges.append((kind.lower(), float(q)))
        except ValueError:
            continue

    def quality(offer: str) -> float:
        major = offer.split("/")[0] + "/*"
        scores = [(3 if r == offer else 2 if r == major else 1, q)
                  for r, q in ranges if r in (offer, major, "*/*")]
        return max(scores)[1] if scores else 0.0

    best = max(offers, key=quality)  # max keeps the first (the default) among equals
    return best if quality(best) > 0 else None


def content_type(media: str) -> str:
    return media + "; charset=utf-8" if media.startswith("text/") else media


class Cut(Exception):
    """The answer has (or may have) more solutions than the result limit."""


class TooLarge(Exception):
    """The answer has passed the byte limit."""


class Sink:
    """Where a pyoxigraph serialiser writes an answer, refusing more than ``max_bytes``. With a
    ``mark``, it stops the query (raises Cut) once the mark has been written more than ``most``
    times, and remembers where the ``most``-th ended: the cut."""

    def __init__(self, max_bytes: int, mark: bytes = b"", most: int = 0):
        self.data, self.max_bytes, self.mark, self.most = bytearray(), max_bytes, mark, most
        self.seen, self.end = 0, 0

    def write(self, chunk: bytes) -> int:
        start = max(0, len(self.data) - len(self.mark) + 1)   # a mark may have begun in the last chunk
        self.data += chunk
        if len(self.data) > self.max_bytes:
            raise TooLarge
        if self.mark:
            found = self.data.count(self.mark, start)
            if self.seen < self.most <= self.seen + found:
                self.end = start
                for _ in range(self.most - self.seen):
                    self.end = self.data.index(self.mark, self.end) + len(self.mark)
            self.seen += found
            if self.seen > self.most:
                raise Cut
        return len(chunk)

    def flush(self) -> None:    # pyoxigraph flushes its output at the end; the bytes are here already
        pass


def counted(results, query, fmt, limit: int, max_bytes: int) -> tuple[bytes, bool]:
    """At most ``limit`` solutions or triples in ``fmt`` (one of MARKS), and whether there were
    more; ``query()`` runs the query again when the count must be made exact."""
    mark, extra = MARKS[fmt]
    sink = Sink(max_bytes, mark, limit + extra)
    try:
        results.serialize(sink, format=fmt)
        return bytes(sink.data), False
    except Cut:
        if fmt in EXACT:
            return bytes(sink.data[:sink.end]), True
    tsv, cut = counted(query(), query, TSV, limit, max_bytes)
    sink = Sink(max_bytes)
    ox.parse_query_results(tsv, format=TSV).serialize(sink, format=fmt)
    return bytes(sink.data), cut


def serialise(query, accept: str, limit: int, max_bytes: int) -> Reply:
    """The results of ``query()`` in the negotiated format, at most ``limit`` solutions or triples
    (the header X-SPARQL-MaxRows says when there were more)."""
    results = query()
    offers = GRAPH_TYPES if isinstance(results, ox.QueryTriples) else SOLUTION_TYPES
    media = negotiate(accept, offers)
    if media is None:
        return error(406, f"acceptable types: {', '.join(offers)}")
    fmt, cut = offers[media], False
    if isinstance(results, ox.QueryBoolean):
        body = results.serialize(format=fmt)
    elif fmt in MARKS:
        body, cut = counted(results, query, fmt, limit, max_bytes)
    else:    # Turtle, RDF/XML ...: the triples go through Python, with prefixes
        sink = Sink(max_bytes)
        ox.serialize(itertools.islice(results, limit), sink, format=fmt, prefixes=PREFIXES)
        body, cut = bytes(sink.data), next(results, None) is not None
    return Reply(200, body, content_type(media), {"X-SPARQL-MaxRows": str(limit)} if cut else {})


def page_data(store: ox.Store, job: Job) -> Reply:
    """What a page shows, as JSON: an entity's or event's description, or names for IRIs."""
    from kg.explain import describe, labels

    if job.about:
        found = describe(store, job.about)
        if found is None:
            return error(404, f"the graph says nothing about <{job.about}>")
        data = asdict(found)
    else:
        data = {iri: asdict(label) for iri, label in labels(store, job.names).items()}
    return Reply(200, json.dumps(data, ensure_ascii=False).encode(), "application/json")


def answer(store: ox.Store, job: Job) -> Reply:
    from kg.query import QueryError, find, refused_services, run, services

    text = job.sparql
    try:
        if job.about or job.names:
            return page_data(store, job)
        saved = find(job.saved) if job.saved else None
        text = saved.text if saved else text
        refused = refused_services(text, job.services)
        if refused:
            allowed = ", ".join(f"<{s}>" for s in job.services) or "none (kg serve --online allows Wikidata's)"
            return error(403, f"SERVICE {refused[0]} is not allowed here; allowed endpoints: {allowed}")
        if saved:
            return serialise(lambda: run(store, saved, job.params), job.accept, job.limit, job.max_bytes)
        union = not (job.default_graphs or job.named_graphs)
        return serialise(lambda: store.query(
            text, base_iri=job.base, use_default_graph_as_union=union,
            default_graph=[ox.NamedNode(g) for g in job.default_graphs] or None,
            named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None), job.accept, job.limit, job.max_bytes)
    except TooLarge:
        return error(503, f"the answer is larger than {job.max_bytes} bytes: narrow the query or add a LIMIT")
    except (QueryError, SyntaxError, ValueError) as err:
        return error(400, str(err).splitlines()[0] if str(err) else type(err).__name__)
    except (OSError, RuntimeError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        if services(text):
            return error(502, f"SERVICE {', '.join(services(text))} failed: {reason}")
        return error(500, f"query failed: {reason}")


def endpoint_iri(request) -> str:
    """The IRI a client reached /sparql at (after its Host header), which relative IRIs in its
    query resolve against; the address the server listens on when the header makes no IRI."""
    try:
        return ox.NamedNode(str(request.url.replace(query=""))).value
    except ValueError:
        host, port = request.scope["server"]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/sparql"


def describe_service(endpoint: str, accept: str, services: tuple[str, ...]) -> Reply:
    """The SPARQL 1.1 Service Description a client gets from the endpoint without a query."""
    media = negotiate(accept, GRAPH_TYPES)
    if media is None:
        return error(406, f"acceptable types: {', '.join(GRAPH_TYPES)}")
    service = ox.BlankNode()
    facts = [(RDF_TYPE, ox.NamedNode(SD + "Service")), (ox.NamedNode(SD + "endpoint"), ox.NamedNode(endpoint)),
             (ox.NamedNode(SD + "supportedLanguage"), ox.NamedNode(SD + "SPARQL11Query")),
             (ox.NamedNode(SD + "feature"), ox.NamedNode(SD + "UnionDefaultGraph"))]
    if services:
        facts.append((ox.NamedNode(SD + "feature"), ox.NamedNode(SD + "BasicFederatedQuery")))
    formats = {f.iri: None for f in (*SOLUTION_TYPES.values(), *GRAPH_TYPES.values())}
    facts += [(ox.NamedNode(SD + "resultFormat"), ox.NamedNode(iri)) for iri in formats]
    body = ox.serialize([ox.Triple(service, p, o) for p, o in facts], format=GRAPH_TYPES[media],
                        prefixes={"sd": SD})
    return Reply(200, body, content_type(media))


# --- the worker pool ------------------------------------------------------------

def _work(store_path: str, conn) -> None:
    """A worker's loop: answer jobs from the last complete build (reopened when a build lands)."""
    from kg.store import GraphStore

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    graphs = GraphStore(store_path)
    generation, store = None, None
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if graphs.current() != generation:
            generation, store = graphs.current(), graphs.open_read()
        conn.send(answer(store, job))


class Worker:
    def __init__(self, context, store_path: Path):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(str(store_path), child), daemon=True)
        self.process.start()
        child.close()

    async def reply(self, timeout: float) -> Reply | None:
        """The worker's answer, or None when none has come within ``timeout`` seconds; the event
        loop waits for the pipe itself (a thread to wait in would cost more than many queries)."""
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        loop.add_reader(self.conn.fileno(), lambda: readable.done() or readable.set_result(None))
        try:
            await asyncio.wait_for(readable, timeout)
        except asyncio.TimeoutError:
            return None
        finally:
            loop.remove_reader(self.conn.fileno())
        return self.conn.recv()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class Pool:
    """Worker processes handed out one job at a time; a worker past the time limit is replaced (so
    is one whose caller was cancelled: its late answer would go to the next job)."""

    def __init__(self, store_path: Path, size: int, timeout: float):
        self.store_path, self.timeout = store_path, timeout
        self.context = multiprocessing.get_context("spawn")
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        for _ in range(size):
            self.idle.put_nowait(Worker(self.context, store_path))

    async def run(self, job: Job) -> Reply:
        try:
            worker = await asyncio.wait_for(self.idle.get(), self.timeout)
        except asyncio.TimeoutError:
            return error(503, "all query workers are busy; try again later")
        reply = None
        try:
            worker.conn.send(job)
            reply = await worker.reply(self.timeout)
        except (EOFError, OSError):
            reply = error(500, "the query worker stopped; it has been restarted")
        finally:
            if reply is None or reply.status == 500 and not worker.process.is_alive():
                worker.stop()
                worker = Worker(self.context, self.store_path)
            self.idle.put_nowait(worker)
        return reply or error(503, f"query cancelled: it ran past the {self.timeout:g} s time limit")

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get_nowait().stop()


# --- HTTP -----------------------------------------------------------------------

class BodyTooLarge(Exception):
    pass


def make_app(store_path: Path, timeout: float = 30, max_results: int = 10000, max_body: int = 1 << 20,
             cors: str | None = None, workers: int = 2, max_bytes: int = 100 << 20, services: tuple[str, ...] = ()):
    """The Starlette app; ``services`` are the SERVICE endpoints queries may call."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import FileResponse, JSONResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    from kg.query import QUERIES_DIR, UPDATES, operation, saved_queries

    pool = Pool(store_path, workers, timeout)

    class Static(StaticFiles):
        """Static files; a path the file system cannot even look up (a NUL byte) is simply not found."""

        async def get_response(self, path, scope):
            try:
                return await super().get_response(path, scope)
            except ValueError:
                return Response("Not Found", 404, media_type="text/plain")

    def respond(reply: Reply) -> Response:
        return Response(reply.body, reply.status, headers=reply.headers, media_type=reply.media_type)

    async def body_of(request) -> bytes:
        if int(request.headers.get("content-length") or 0) > max_body:
            raise BodyTooLarge
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_body:
                raise BodyTooLarge
        return body

    async def sparql(request):
        args = list(request.query_params.multi_items())
        endpoint = endpoint_iri(request)
        if request.method == "GET" and not args:
            return respond(describe_service(endpoint, request.headers.get("accept", ""), services))
        if request.method == "POST":
            try:
                body = await body_of(request)
            except BodyTooLarge:
                return respond(error(413, f"request body over the {max_body} byte limit"))
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                return respond(error(403, "this endpoint is read-only: updates are refused"))
            if media == "application/sparql-query":
                args.append(("query", body.decode("utf-8", "replace")))
            elif media == "application/x-www-form-urlencoded":
                args += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            else:
                return respond(error(415, "POST a query as application/sparql-query or a form"))
        if any(k == "update" for k, _ in args) or \
                any(k == "query" and operation(v) in UPDATES for k, v in args):
            return respond(error(403, "this endpoint is read-only: updates are refused"))
        queries = [v for k, v in args if k == "query"]
        if len(queries) != 1:
            return respond(error(400, "pass exactly one query parameter"))
        job = Job(request.headers.get("accept", ""), max_results, max_bytes, sparql=queries[0],
                  default_graphs=[v for k, v in args if k == "default-graph-uri"],
                  named_graphs=[v for k, v in args if k == "named-graph-uri"], services=services, base=endpoint)
        return respond(await pool.run(job))

    async def list_queries(request):
        return JSONResponse([{"name": q.name, "title": q.title, "description": q.description, "kind": q.kind,
                              "params": [vars(p) for p in q.params], "sparql": q.text}
                             for q in saved_queries()])

    async def saved_query(request):
        name = request.path_params["name"]
        if name not in {p.stem for p in QUERIES_DIR.glob("*.rq")}:   # a name, never a path; parsed in the worker
            return respond(error(404, f"no saved query {name!r}"))
        job = Job(request.headers.get("accept", ""), max_results, max_bytes, saved=name,
                  params=dict(request.query_params.items()), services=services)
        return respond(await pool.run(job))

    async def index(request):
        return FileResponse(WEB / "index.html")

    async def item(request):
        """/entity/… and /event/…: one page, which asks /about/… for what to show."""
        return FileResponse(WEB / "item.html")

    async def about(request):
        job = Job("", max_results, max_bytes, about=ID + request.path_params["rest"])
        return respond(await pool.run(job))

    async def names(request):
        try:
            iris = json.loads(await body_of(request))
        except BodyTooLarge:
            return respond(error(413, f"request body over the {max_body} byte limit"))
        except ValueError:
            iris = None
        if not isinstance(iris, list) or not all(isinstance(i, str) for i in iris) or len(iris) > max_results:
            return respond(error(400, f"POST a JSON list of at most {max_results} IRIs"))
        return respond(await pool.run(Job("", max_results, max_bytes, names=iris)))

    async def prefixes(request):
        return JSONResponse(PREFIXES)    # the editor completes PREFIX lines from these

    @asynccontextmanager
    async def lifespan(app):
        yield
        pool.close()

    middleware = [Middleware(CORSMiddleware, allow_origins=[cors], allow_methods=["GET", "POST"],
                             allow_headers=["*"], expose_headers=["X-SPARQL-MaxRows"])] if cors else []
    return Starlette(
        routes=[Route("/", index), Route("/sparql", sparql, methods=["GET", "POST"]),
                Route("/queries", list_queries), Route("/queries/{name}", saved_query),
                Route("/entity/{rest:path}", item), Route("/event/{rest:path}", item),
                Route("/about/{rest:path}", about), Route("/labels", names, methods=["POST"]),
                Route("/prefixes", prefixes),
                Mount("/static", Static(directory=WEB))],
        middleware=middleware, lifespan=lifespan)


def check_port(host: str, port: int) -> None:
    """Fail in one line when the address is taken, before the workers start."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as err:
        raise UserError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
