"""Online linking through Wikidata's API (wbsearchentities + wbgetentities).

Polite by construction (Wikimedia's etiquette): a descriptive User-Agent, one request at a time,
Retry-After honoured on HTTP 429 up to a cap, and every answer cached on disk so a second run asks
nothing. Candidates must match a label or alias exactly (normalised) and be, by P31 (or one P279
step), of a kind the entity's class allows; the choice among them follows the offline rules, with
the search engine's order in place of the table's.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from email.utils import parsedate_to_datetime
from importlib import resources
from pathlib import Path

from kg.gazetteer import Row
from kg.gazetteer import normalise as normalize

from .common import KIND_PRIORITY, EntityInfo, Link, compatible_kinds
from .offline import decide

DEFAULT_BASE_URL = "https://www.wikidata.org/w/api.php"
DEFAULT_CACHE_DIR = ".kg/wikidata-cache"
USER_AGENT = "crisis-kg/0.1 (https://w3id.org/crisis-kg; analysts' tool) python-urllib/3"
LANGUAGES = ("id", "en")
CONFIDENCE = {"label": 0.85, "alias": 0.8, "country": 0.75, "context": 0.75, "priority": 0.7,
              "rank": 0.6}

_ONE_AT_A_TIME = threading.Lock()


class WikidataUnavailable(Exception):
    """Wikidata could not be asked (offline, timeout, refused, rate limit): one line for the user."""


class WikidataClient:
    def __init__(self, base_url: str = DEFAULT_BASE_URL, cache_dir: str | os.PathLike | None =
                 DEFAULT_CACHE_DIR, timeout: float = 10.0, max_wait: float = 30.0,
                 retries: int = 3, sleep: Callable[[float], None] = time.sleep):
        self.base_url = base_url
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.timeout = timeout
        self.max_wait = max_wait
        self.retries = retries
        self.sleep = sleep

    def search(self, text: str, language: str) -> list[dict]:
        answer = self.get({"action": "wbsearchentities", "search": text, "language": language,
                           "uselang": language, "type": "item", "limit": "10", "format": "json"})
        return answer.get("search", [])

    def entities(self, ids: Iterable[str]) -> dict[str, dict]:
        ids = sorted(set(ids))
        found: dict[str, dict] = {}
        for start in range(0, len(ids), 50):
            answer = self.get({"action": "wbgetentities", "ids": "|".join(ids[start:start + 50]),
                               "props": "labels|aliases|claims", "languages": "|".join(LANGUAGES),
                               "format": "json"})
            found.update(answer.get("entities", {}))
        return found

    def get(self, params: dict[str, str]) -> dict:
        url = f"{self.base_url}?{urllib.parse.urlencode(sorted(params.items()))}"
        path = None
        if self.cache_dir is not None:
            path = self.cache_dir / f"{hashlib.sha256(url.encode()).hexdigest()}.json"
            try:
                return json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pass
        answer = self._fetch(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            tmp.write_text(json.dumps(answer), encoding="utf-8")
            os.replace(tmp, path)
        return answer

    def _fetch(self, url: str) -> dict:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                       "Accept": "application/json"})
        with _ONE_AT_A_TIME:
            for attempt in range(self.retries + 1):
                try:
                    with urllib.request.urlopen(request, timeout=self.timeout) as response:
                        body = response.read()
                    break
                except urllib.error.HTTPError as err:
                    if err.code != 429:
                        raise WikidataUnavailable(
                            f"Wikidata answered HTTP {err.code} ({err.reason}) at {self.base_url}") from None
                    wait = _retry_after(err.headers.get("Retry-After"), default=2.0 ** attempt)
                    if wait > self.max_wait:
                        raise WikidataUnavailable(
                            f"Wikidata is rate-limiting (HTTP 429) and asks to wait {wait:.0f} s, "
                            f"more than {self.max_wait:.0f} s; try again later") from None
                    if attempt == self.retries:
                        raise WikidataUnavailable(
                            f"Wikidata is still rate-limiting (HTTP 429) after {self.retries} "
                            "retries; try again later") from None
                    self.sleep(wait)
                except (TimeoutError, socket.timeout):
                    raise WikidataUnavailable(
                        f"no answer from Wikidata at {self.base_url} within {self.timeout:g} s") from None
                except urllib.error.URLError as err:
                    reason = err.reason
                    if isinstance(reason, (TimeoutError, socket.timeout)):
                        raise WikidataUnavailable(
                            f"no answer from Wikidata at {self.base_url} within {self.timeout:g} s") from None
                    raise WikidataUnavailable(
                        f"cannot reach Wikidata at {self.base_url} ({_text(reason)}); "
                        "are you offline? `kg link` without --online works offline") from None
                except (ConnectionError, OSError) as err:
                    raise WikidataUnavailable(
                        f"cannot reach Wikidata at {self.base_url} ({_text(err)})") from None
        try:
            answer = json.loads(body)
        except ValueError:
            raise WikidataUnavailable(f"Wikidata at {self.base_url} did not answer JSON") from None
        if not isinstance(answer, dict):
            raise WikidataUnavailable(f"Wikidata at {self.base_url} answered an unexpected shape")
        if "error" in answer:
            info = answer["error"].get("info") or answer["error"].get("code") or "unknown"
            raise WikidataUnavailable(f"Wikidata API error: {info}")
        return answer


def _retry_after(value: str | None, default: float) -> float:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return default


def _text(reason: object) -> str:
    return (getattr(reason, "strerror", None) or str(reason)).splitlines()[0]


def packaged_types() -> dict[str, str]:
    text = resources.files("kg").joinpath("data/wikidata_types.tsv").read_text(encoding="utf-8")
    return {r["class_qid"]: r["kind"]
            for r in csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)}


def _claim_ids(entity: dict, prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "id" in value and claim.get("rank") != "deprecated":
            out.append(value["id"])
    return out


def _coordinates(entity: dict) -> tuple[float | None, float | None]:
    for claim in entity.get("claims", {}).get("P625", []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "latitude" in value and "longitude" in value:
            return float(value["latitude"]), float(value["longitude"])
    return None, None


def _names(entity: dict, part: str) -> set[str]:
    values = entity.get(part, {})
    items = [v for vs in values.values() for v in vs] if part == "aliases" else list(values.values())
    return {normalize(v.get("value", "")) for v in items}


class OnlineLinker:
    def __init__(self, client: WikidataClient, types: dict[str, str] | None = None):
        self.client = client
        self.types = packaged_types() if types is None else types

    def link_one(self, entity: EntityInfo) -> Link | None:
        allowed = compatible_kinds(entity.cls)
        if not allowed:
            return None
        for name in [entity.label, *sorted(entity.alt_labels - {entity.label})]:
            link = self._link_name(entity, name, allowed)
            if link is not None:
                return link
        return None

    def _link_name(self, entity: EntityInfo, name: str, allowed: frozenset[str]) -> Link | None:
        key = normalize(name)
        if not key:
            return None
        ranked: list[str] = []
        for language in LANGUAGES:
            for hit in self.client.search(name, language):
                if hit.get("id") and hit["id"] not in ranked:
                    ranked.append(hit["id"])
        if not ranked:
            return None
        found = self.client.entities(ranked)
        kinds = self._kinds({qid: _claim_ids(found[qid], "P31") for qid in ranked if qid in found})
        cands = []
        for order, qid in enumerate(ranked):
            entity_json = found.get(qid)
            if not entity_json or "missing" in entity_json:
                continue
            via = ("label" if key in _names(entity_json, "labels") else
                   "alias" if key in _names(entity_json, "aliases") else None)
            usable = kinds.get(qid, set()) & allowed
            if via is None or not usable:
                continue
            kind = min(usable, key=lambda k: (KIND_PRIORITY.get(k, 9), k))
            countries = _claim_ids(entity_json, "P17")
            country = next((c for c in countries if c in entity.context_countries),
                           countries[0] if countries else "")
            lat, lon = _coordinates(entity_json) if kind in KIND_PRIORITY else (None, None)
            cands.append((Row(qid, kind, "", "", (), country, lat, lon, order), via))
        chosen = decide(cands, entity.context_countries)
        if chosen is None:
            return None
        row, reason = chosen
        return Link(entity.iri, row.qid, f"online-{reason}", CONFIDENCE[reason], row.lat, row.lon)

    def _kinds(self, p31: dict[str, list[str]]) -> dict[str, set[str]]:
        """Our kinds of each item from its P31 classes; unknown classes get one P279 step."""
        unknown = {c for classes in p31.values() for c in classes if c not in self.types}
        parents = {}
        if unknown:
            parents = {c: _claim_ids(e, "P279") for c, e in self.client.entities(unknown).items()}
        out = {}
        for qid, classes in p31.items():
            supers = [s for c in classes for s in ([c] if c in self.types else parents.get(c, []))]
            out[qid] = {self.types[s] for s in supers if s in self.types}
        return out


def link(entities: Iterable[EntityInfo], client: WikidataClient | None = None) -> list[Link]:
    """Links found online; raises WikidataUnavailable when Wikidata cannot be asked."""
    linker = OnlineLinker(client or WikidataClient())
    return [lk for lk in map(linker.link_one, entities) if lk is not None]
