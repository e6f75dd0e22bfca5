"""Propose candidate article pairs for the cross-document event identity gold, from text only.

Why: the identity gold (tests/gold/identity_pairs.jsonl, docs/GOLD.md) needs pairs of news
articles that report the same incident and pairs that look alike but report different
incidents. Reading random pairs would find almost no same-incident pairs, so this script
proposes them; a person then reads both texts and judges each pair. Nothing here looks at
what the pipeline extracts: only words of the texts, publication dates and outlets.

Kinds of candidate, among the articles of --categories ("tajuk utama", news, by default), written
in this order:

- ``similar``: published at most --days (7) days apart and TF-IDF cosine >= --high (0.15).
  Every such pair is listed, most similar first: likely the same incident, often from two
  outlets or two days.
- ``near`` (only with --near-low): published at most --near-days apart with cosine in
  [--near-low, --high): same-day or next-day pairs the ``similar`` threshold misses.
- ``phrase`` (only with --phrase REGEX, repeatable): every pair of articles whose texts both
  match one REGEX (case-insensitive), at any distance in time: a named place, person or
  incident followed across the corpus (e.g. "Ponorogo", "Buni Yani").
- ``moderate``: cosine in [--low, --high) (0.08 .. 0.15), any dates: same topic (two KPK
  arrests, two floods, two attacks), the hardest negatives and some positives. --n-moderate
  pairs drawn at random with --seed.
- ``confusable``: cosine < --low, sharing something generic: an actor word (polisi, warga,
  massa, TNI, KPK, ...) together with one event word family (ditangkap/ditahan/diamankan,
  tewas/korban, demo/unjuk rasa, bentrok/ricuh, banjir, ...), or a place name (Jakarta, a
  province, a large city), or the publication date, or the outlet. --n-confusable pairs
  drawn at random with --seed, spread over these four reasons.

TF-IDF: lower-cased alphabetic words of 3+ letters, Indonesian function words removed,
"Baca juga:" lines dropped, sublinear tf (1 + log tf), idf = log(N / df) + 1 over the
articles compared, L2-normalised vectors. Python 3.11 standard library only.

Usage:
  python tools/pair_candidates.py --corpus /work/id/all.jsonl --seed 21 --out /tmp/pairs.jsonl \
      [--data ../shared/data/indosum-dev] [--categories "tajuk utama"] [--days 7] \
      [--high 0.15] [--low 0.08] [--n-moderate 300] [--n-confusable 300] \
      [--near-low 0.05 --near-days 3] [--phrase REGEX ...]

The corpus is JSON Lines {"id", "text", "published", "publisher"} (as /work/id/all.jsonl);
categories come from the IndoSum files in --data (key "category"). Each output line:
{"kind", "a", "b", "cosine", "days", "published_a", "published_b", "publisher_a",
"publisher_b", "same_outlet", "shared": [...]} with a < b by id. Output is deterministic for
a given corpus, options and seed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STOPWORDS = set("""
yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga ada adalah sebagai oleh
karena bahwa atau saat kata ujar ucap tutur jelas sudah telah masih bisa dapat lebih para
kami kita mereka dia ia saya anda kamu nya pun lagi hanya namun tetapi tapi jika kalau agar
supaya sehingga maka serta hingga sampai antara tersebut yakni yaitu seperti setelah sebelum
ketika sejak selama belum harus perlu akan mau ingin sangat cukup banyak beberapa semua
setiap tiap hal cara apa siapa mana kapan mengapa kenapa bagaimana begitu demikian sendiri
lain kembali baru lalu kemudian menjadi jadi melalui terhadap tentang atas bagi per pula
sama secara pihak buat usai terkait mengatakan menyatakan menjelaskan menambahkan
mengungkapkan menurut senin selasa rabu kamis jumat sabtu minggu hari pekan bulan tahun
januari februari maret april mei juni juli agustus september oktober november desember
pagi siang sore malam wib kemarin besok tadi nanti sekitar orang satu dua tiga empat lima
enam tujuh delapan sembilan sepuluh puluh ratus ribu juta miliar triliun baca lihat
video foto berita liputan com detik cnn indonesia kumparan merdeka suara antara antaranews
tempo okezone kompas tribun republika viva sindonews rimanews poskotanews jawapos
""".split())

ACTORS = {
    "polisi": ["polisi", "polri", "polda", "polres", "polsek", "kepolisian", "kapolri", "kapolda", "kapolres"],
    "warga": ["warga", "penduduk", "masyarakat"],
    "massa": ["massa", "demonstran", "pengunjuk", "mahasiswa"],
    "tentara": ["tentara", "tni", "prajurit", "militer", "kodam", "kodim", "panglima"],
    "pejabat": ["pejabat", "bupati", "wali", "gubernur", "menteri", "kepala"],
    "kpk": ["kpk"],
    "teroris": ["teroris", "terorisme", "densus"],
    "jaksa": ["jaksa", "kejaksaan", "kejagung", "hakim", "pengadilan"],
}

EVENT_FAMILIES = {
    "detention": ["ditangkap", "ditahan", "diamankan", "dibekuk", "diringkus", "penangkapan",
                  "penahanan", "menangkap", "menahan", "ott", "tertangkap"],
    "casualties": ["tewas", "korban", "meninggal", "luka", "terluka", "tewasnya", "jenazah"],
    "protest": ["demo", "demonstrasi", "unjuk", "aksi", "protes", "mogok"],
    "clash": ["bentrok", "bentrokan", "ricuh", "kericuhan", "rusuh", "kerusuhan", "tawuran"],
    "disaster": ["banjir", "longsor", "gempa", "tsunami", "kebakaran", "erupsi", "letusan"],
    "attack": ["ledakan", "bom", "serangan", "penembakan", "ditembak", "penusukan", "dibacok"],
    "ruling": ["vonis", "divonis", "putusan", "dihukum", "tuntutan", "dituntut", "praperadilan"],
    "leadership": ["dilantik", "pelantikan", "mundur", "dicopot", "menggantikan", "diberhentikan"],
}

PLACES = """
jakarta bandung surabaya medan semarang yogyakarta makassar palembang depok bekasi tangerang
bogor malang solo denpasar padang pekanbaru manado ambon jayapura balikpapan samarinda
pontianak banjarmasin kupang mataram batam lampung aceh bengkulu jambi riau banten bali
papua maluku gorontalo sulawesi kalimantan sumatera jawa ntt ntb marawi myanmar rakhine
suriah yerusalem palestina israel amerika korea filipina malaysia singapura australia
""".split()

WORD = re.compile(r"[a-zà-ÿ]+")


def tokens(text: str) -> list[str]:
    lines = [ln for ln in text.splitlines() if not ln.strip().lower().startswith("baca juga")]
    return [w for w in WORD.findall("\n".join(lines).lower()) if len(w) >= 3 and w not in STOPWORDS]


def categories(data: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted(data.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out.setdefault(rec["id"], rec.get("category", ""))
    return out


def tfidf(docs: list[list[str]]) -> list[dict[str, float]]:
    df = Counter(w for d in docs for w in set(d))
    n = len(docs)
    vecs = []
    for d in docs:
        tf = Counter(d)
        v = {w: (1 + math.log(c)) * (math.log(n / df[w]) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    return vecs


def all_cosines(vecs: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """Sparse dot products through an inverted index; only pairs sharing a word."""
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(vecs):
        for w, x in v.items():
            index[w].append((i, x))
    sims: dict[tuple[int, int], float] = defaultdict(float)
    for posting in index.values():
        if len(posting) > 0.5 * len(vecs):
            continue  # near-universal words add almost nothing and cost the most
        for k, (i, x) in enumerate(posting):
            for j, y in posting[k + 1:]:
                sims[(i, j)] += x * y
    return sims


def features(words: set[str]) -> dict[str, set[str]]:
    actors = {a for a, forms in ACTORS.items() if words & set(forms)}
    events = {e for e, forms in EVENT_FAMILIES.items() if words & set(forms)}
    return {"actor_event": {f"{a}+{e}" for a in actors for e in events},
            "place": {p for p in PLACES if p in words}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/work/id/all.jsonl"))
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indosum-dev")
    ap.add_argument("--categories", default="tajuk utama", help="comma-separated IndoSum categories")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--high", type=float, default=0.15)
    ap.add_argument("--low", type=float, default=0.08)
    ap.add_argument("--n-moderate", type=int, default=300)
    ap.add_argument("--n-confusable", type=int, default=300)
    ap.add_argument("--near-low", type=float, help="also list 'near' pairs: cosine in [NEAR_LOW, HIGH)")
    ap.add_argument("--near-days", type=int, default=3)
    ap.add_argument("--phrase", action="append", default=[], help="regex; list pairs whose texts both match it")
    args = ap.parse_args()

    cats = categories(args.data)
    wanted = {c.strip() for c in args.categories.split(",")}
    arts = [json.loads(ln) for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    arts = sorted((a for a in arts if cats.get(a["id"]) in wanted), key=lambda a: a["id"])
    if not arts:
        sys.exit("error: no articles in the wanted categories")
    toks = [tokens(a["text"]) for a in arts]
    vecs = tfidf(toks)
    sims = all_cosines(vecs)
    feats = [features(set(t)) for t in toks]
    day = [dt.date.fromisoformat(a["published"]) for a in arts]

    def record(kind: str, i: int, j: int, shared: list[str]) -> dict:
        a, b = arts[i], arts[j]
        return {"kind": kind, "a": a["id"], "b": b["id"], "cosine": round(sims.get((i, j), 0.0), 3),
                "days": abs((day[i] - day[j]).days), "published_a": a["published"],
                "published_b": b["published"], "publisher_a": a.get("publisher"),
                "publisher_b": b.get("publisher"), "same_outlet": a.get("publisher") == b.get("publisher"),
                "shared": shared}

    def shared_of(i: int, j: int) -> list[str]:
        out = sorted(feats[i]["actor_event"] & feats[j]["actor_event"])
        out += sorted("place:" + p for p in feats[i]["place"] & feats[j]["place"])
        if day[i] == day[j]:
            out.append("same day")
        if arts[i].get("publisher") == arts[j].get("publisher"):
            out.append("same outlet")
        return out

    rng = random.Random(args.seed)
    out: list[dict] = []
    similar = sorted(((s, i, j) for (i, j), s in sims.items()
                      if s >= args.high and abs((day[i] - day[j]).days) <= args.days), reverse=True)
    out += [record("similar", i, j, shared_of(i, j)) for s, i, j in similar]

    if args.near_low is not None:
        near = sorted(((s, i, j) for (i, j), s in sims.items()
                       if args.near_low <= s < args.high and abs((day[i] - day[j]).days) <= args.near_days),
                      reverse=True)
        out += [record("near", i, j, shared_of(i, j)) for s, i, j in near]

    for pattern in args.phrase:
        rx = re.compile(pattern, re.I)
        hits = [i for i, a in enumerate(arts) if rx.search(a["text"])]
        for x, i in enumerate(hits):
            for j in hits[x + 1:]:
                out.append(record("phrase", i, j, ["phrase:" + pattern] + shared_of(i, j)))

    moderate = sorted((i, j) for (i, j), s in sims.items() if args.low <= s < args.high)
    for i, j in rng.sample(moderate, min(args.n_moderate, len(moderate))):
        out.append(record("moderate", i, j, shared_of(i, j)))

    # confusable: for each reason, random pairs that share it and have cosine < low
    n = len(arts)
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in range(n):
        for f in feats[i]["actor_event"]:
            by_key["actor_event:" + f].append(i)
        for p in feats[i]["place"]:
            by_key["place:" + p].append(i)
        by_key["date:" + arts[i]["published"]].append(i)
        by_key["outlet:" + str(arts[i].get("publisher"))].append(i)
    reasons = ["actor_event", "place", "date", "outlet"]
    keys = {r: sorted(k for k in by_key if k.startswith(r + ":") and len(by_key[k]) >= 2) for r in reasons}
    seen = {(r["a"], r["b"]) for r in out}
    per_reason = args.n_confusable // len(reasons)
    for reason in reasons:
        got, tries = 0, 0
        while got < per_reason and keys[reason] and tries < 100 * per_reason:
            tries += 1
            key = rng.choice(keys[reason])
            i, j = sorted(rng.sample(by_key[key], 2))
            pair = (arts[i]["id"], arts[j]["id"])
            if pair in seen or sims.get((i, j), 0.0) >= args.low:
                continue
            seen.add(pair)
            out.append(record("confusable", i, j, [key] + shared_of(i, j)))
            got += 1

    with open(args.out, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = Counter(r["kind"] for r in out)
    print(f"{len(arts)} articles; {len(out)} candidates written to {args.out}: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    main()
