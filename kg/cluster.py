"""`kg build --scheduler`: the build's maps run on a Dask cluster (dask.distributed).

Dask is the engine users already run on Kubernetes, YARN, SLURM or a few hosts; nothing here
schedules, queues or talks over a socket itself. The cluster does what is a map:

- extraction, chunk by chunk of documents, each chunk a task (a worker that dies has its tasks
  run again elsewhere by the scheduler; extraction is deterministic, so the graph is the same);
- the scoring of candidate pairs of reports, block by block (kg.resolve.incidents).

Everything that decides across documents (joining aliases, joining reports into incidents) is
the stage a single build runs, in this process, over what the maps gave back: one
implementation, so a cluster build and one `kg build` give the same graph. Results come back in
input order and land in the store only when the whole run succeeded.
"""
from __future__ import annotations

import logging
from collections import deque
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from kg.api import UserError
from kg.records import Document, ExtractedDocument

CONNECT_SECONDS = 10     # to reach a scheduler
WORKER_SECONDS = 60      # for a first worker to join it
RETRIES = 2              # a task that raised is tried again this many times
WINDOW = 8               # chunks in flight per worker thread, as kg.pipeline.Workers: a bulk load
                         # here leaves no worker idle, and memory stays flat


def _distributed():
    try:
        import distributed
    except ImportError:
        raise UserError("--scheduler needs Dask: pip install 'crisis-kg[dask]'") from None
    return distributed


@contextmanager
def connect(scheduler: str, warm_up: Callable[[], object] = lambda: None) -> Iterator:
    """A client of the cluster at ``tcp://HOST:PORT``, or of a local cluster of N worker processes
    (``local:N``) that lives as long as the build. Dask's own log lines (a lost scheduler,
    retries) are kept out of the one error line a failed run prints. ``warm_up`` loads what the
    tasks need (the pipeline) in this process before a local cluster's workers are forked from it,
    as kg.pipeline.Workers does: they share it instead of each importing and loading it again."""
    distributed = _distributed()
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with _client(distributed, scheduler, warm_up) as client:
            try:
                client.wait_for_workers(1, timeout=WORKER_SECONDS)
            except TimeoutError:
                raise UserError(f"no Dask worker joined the scheduler at {scheduler} "
                                f"within {WORKER_SECONDS} s") from None
            yield client
    finally:
        logger.setLevel(level)


@contextmanager
def _client(distributed, scheduler: str, warm_up: Callable[[], object]) -> Iterator:
    import dask

    cluster = None
    try:
        if scheduler.startswith("local:"):
            workers = _local_workers(scheduler)
            warm_up()
            # forked once loaded (a worker restarted after a crash is spawned afresh, Dask's default)
            with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}):
                cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   dashboard_address=None, silence_logs=logging.CRITICAL)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as err:
        raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {_reason(err)}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _local_workers(scheduler: str) -> int:
    count = scheduler.removeprefix("local:")
    if not count.isdigit() or int(count) < 1:
        raise UserError(f"--scheduler {scheduler}: say local:N with N worker processes, or tcp://HOST:PORT")
    return int(count)


def _reason(err: BaseException) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__


class ClusterWorkers:
    """Extraction as a map over chunks on the cluster, results in input order (the interface of
    kg.pipeline.Workers)."""

    def __init__(self, client, use_model: bool, scheduler: str,
                 task: Callable[[list[Document], bool], list[ExtractedDocument]]):
        self.client, self.use_model, self.scheduler, self.task = client, use_model, scheduler, task

    def extract(self, chunks: Iterable[list[Document]]) -> Iterator[list[ExtractedDocument]]:
        threads = max(1, sum(self.client.nthreads().values()))
        pending: deque = deque()
        with self.failures():
            for chunk in chunks:
                pending.append(self.client.submit(self.task, chunk, self.use_model,
                                                  pure=False, retries=RETRIES))
                if len(pending) > WINDOW * threads:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def map(self, function: Callable, items: list) -> list:
        """``function`` over ``items`` on the cluster, results in order (for the identity stage)."""
        with self.failures():
            return self.client.gather(self.client.map(function, items, pure=False, retries=RETRIES))

    @contextmanager
    def failures(self):
        """A run that cannot finish (its scheduler gone, a task that kills every worker it runs on)
        is one error line; the store is left as it was (the build's generation is dropped)."""
        distributed = _distributed()
        try:
            yield
        except (distributed.client.FutureCancelledError, distributed.comm.CommClosedError, OSError,
                distributed.KilledWorker, TimeoutError) as err:
            raise UserError(f"the Dask run on {self.scheduler} could not finish ({type(err).__name__}: "
                            f"{_reason(err)}); the store is unchanged") from None
