"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint, the saved queries, and a web page.

Starlette answers HTTP; queries run in a small pool of worker processes, each holding a read-only
store, because a pyoxigraph query cannot be interrupted inside its thread: a query past the time
limit has its process killed and replaced, the client gets 503, and the server keeps serving.
Results are serialised in the worker, cut at the result limit (the header X-SPARQL-MaxRows says
so), so neither a huge result nor a slow query reaches the web process. A SERVICE call would make
the server fetch a URL a visitor chose: only the endpoints of an allow-list (none unless asked)
may be called, checked on the query's text before it runs.
"""
from __future__ import annotations

import itertools
import json
import multiprocessing
import queue
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
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
SOLUTION_TYPES = {  # media type -> pyoxigraph format; the first is the default
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}


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


def _term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def serialise(results, accept: str, limit: int) -> Reply:
    """Results in the negotiated format, at most ``limit`` solutions or triples."""
    if isinstance(results, ox.QueryBoolean):
        media = negotiate(accept, SOLUTION_TYPES)
        if media is None:
            return error(406, f"acceptable types: {', '.join(SOLUTION_TYPES)}")
        return Reply(200, results.serialize(format=SOLUTION_TYPES[media]), media)
    offers = GRAPH_TYPES if isinstance(results, ox.QueryTriples) else SOLUTION_TYPES
    media = negotiate(accept, offers)
    if media is None:
        return error(406, f"acceptable types: {', '.join(offers)}")
    items = list(itertools.islice(results, limit))
    headers = {"X-SPARQL-MaxRows": str(limit)} if len(items) == limit and next(results, None) is not None else {}
    if offers is GRAPH_TYPES:
        body = ox.serialize(items, format=GRAPH_TYPES[media],
                            prefixes=PREFIXES if media == "text/turtle" else None)
        return Reply(200, body, media, headers)
    names = [v.value for v in results.variables]
    rows = [{n: _term_json(s[n]) for n in names if s[n] is not None} for s in items]
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}}, ensure_ascii=False).encode()
    if SOLUTION_TYPES[media] != ox.QueryResultsFormat.JSON:
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = parsed.serialize(format=SOLUTION_TYPES[media])
    if media.startswith("text/"):
        media += "; charset=utf-8"
    return Reply(200, body, media, headers)


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
            results = run(store, saved, job.params)
        elif job.default_graphs or job.named_graphs:
            results = store.query(job.sparql, default_graph=[ox.NamedNode(g) for g in job.default_graphs] or None,
                                  named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None)
        else:
            results = store.query(job.sparql, use_default_graph_as_union=True)
        reply = serialise(results, job.accept, job.limit)
        if len(reply.body) > job.max_bytes:
            return error(503, f"the answer is larger than {job.max_bytes} bytes: narrow the query or add a LIMIT")
        return reply
    except (QueryError, SyntaxError, ValueError) as err:
        return error(400, str(err).splitlines()[0] if str(err) else type(err).__name__)
    except (OSError, RuntimeError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        if services(text):
            return error(502, f"SERVICE {', '.join(services(text))} failed: {reason}")
        return error(500, f"query failed: {reason}")


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

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class Pool:
    """Worker processes handed out one job at a time; a worker past the time limit is replaced."""

    def __init__(self, store_path: Path, size: int, timeout: float):
        self.store_path, self.timeout = store_path, timeout
        self.context = multiprocessing.get_context("spawn")
        self.idle: queue.Queue[Worker] = queue.Queue()
        for _ in range(size):
            self.idle.put(Worker(self.context, store_path))

    def run(self, job: Job) -> Reply:
        """Blocking: call from a thread."""
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return error(503, "all query workers are busy; try again later")
        reply = None
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                reply = worker.conn.recv()
        except (EOFError, OSError):
            reply = error(500, "the query worker stopped; it has been restarted")
        if reply is None or reply.status == 500 and not worker.process.is_alive():
            worker.stop()
            worker = Worker(self.context, self.store_path)
        self.idle.put(worker)
        return reply or error(503, f"query cancelled: it ran past the {self.timeout:g} s time limit")

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get().stop()


# --- HTTP -----------------------------------------------------------------------

class BodyTooLarge(Exception):
    pass


def make_app(store_path: Path, timeout: float = 30, max_results: int = 10000, max_body: int = 1 << 20,
             cors: str | None = None, workers: int = 2, max_bytes: int = 100 << 20, services: tuple[str, ...] = ()):
    """The Starlette app; ``services`` are the SERVICE endpoints queries may call."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import FileResponse, JSONResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    from kg.query import UPDATES, operation, saved_queries

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
                  named_graphs=[v for k, v in args if k == "named-graph-uri"], services=services)
        return respond(await run_in_threadpool(pool.run, job))

    async def list_queries(request):
        return JSONResponse([{"name": q.name, "title": q.title, "description": q.description, "kind": q.kind,
                              "params": [vars(p) for p in q.params], "sparql": q.text}
                             for q in saved_queries()])

    async def saved_query(request):
        name = request.path_params["name"]
        if name not in {q.name for q in saved_queries()}:
            return respond(error(404, f"no saved query {name!r}"))
        job = Job(request.headers.get("accept", ""), max_results, max_bytes, saved=name,
                  params=dict(request.query_params.items()), services=services)
        return respond(await run_in_threadpool(pool.run, job))

    async def index(request):
        return FileResponse(WEB / "index.html")

    async def item(request):
        """/entity/… and /event/…: one page, which asks /about/… for what to show."""
        return FileResponse(WEB / "item.html")

    async def about(request):
        job = Job("", max_results, max_bytes, about=ID + request.path_params["rest"])
        return respond(await run_in_threadpool(pool.run, job))

    async def names(request):
        try:
            iris = json.loads(await body_of(request))
        except BodyTooLarge:
            return respond(error(413, f"request body over the {max_body} byte limit"))
        except ValueError:
            iris = None
        if not isinstance(iris, list) or not all(isinstance(i, str) for i in iris) or len(iris) > max_results:
            return respond(error(400, f"POST a JSON list of at most {max_results} IRIs"))
        return respond(await run_in_threadpool(pool.run, Job("", max_results, max_bytes, names=iris)))

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
