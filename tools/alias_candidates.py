"""Propose candidate name pairs for the alias gold (issue 18), from the article text only.

Why: alias recall ("the aliases of one person or organisation resolve to one node") and
alias precision ("no two different people merged") are measured on pairs of names judged by
reading. Judges need pairs that are worth reading: names sharing a word, acronyms and their
expansions, known short forms, spelling variants. This script proposes them; a person
decides (tests/gold/alias_pairs.jsonl, docs/GOLD.md). It never looks at the pipeline's output.

How a name is found (Python stdlib only):
  * The text is split on whitespace (IndoSum text is already tokenised). A name is a maximal
    run of capitalised tokens ("Joko", "KPK", "McDonald"), which may hold the lowercase
    connectors "bin", "binti", "van", "der", "de", "al", "dan" ("Badan Pengawas Obat dan
    Makanan") as long as the run goes on with a capitalised token. A run holding "dan" also
    gives each of its two sides ("Lionel Messi dan Luis Suarez").
  * A run at the start of a sentence loses its first token when that word is more often
    written in lower case in the corpus ("Sementara", "Menurut", "Dalam").
  * Runs are cut at title words (Presiden, Menteri, Ketua, Kapolri, Kapolda, Gubernur, Wakil,
    Jenderal, AKBP, Kombes, Brigjen, Irjen, Dr., ...; see TITLES); a title also takes the
    portfolio words and acronyms after it ("Menteri Dalam Negeri", "Ketua Umum PAN"). The
    bare name is what gets paired ("Kapolda Jabar Kombes Pol Yusri Yunus" -> "Yusri Yunus").
    Pairs whose point is a title ("Presiden Jokowi" / "Joko Widodo") are left to the judge.
  * Days, months and the words of the page chrome ("Baca", "Foto") are cut out.
  * The gold means the FIRST occurrence of a name in its article, so a name is kept only if
    that first occurrence is a whole name (first_is_whole: not inside a word, not glued to
    a capitalised neighbour other than a title). "Novanto" is not proposed for an article
    whose first "Novanto" is inside "Setya Novanto".

How pairs are proposed (each with its "reason"):
  * known      : a small table of well-known short forms (KNOWN: Jokowi / Joko Widodo, SBY /
                 Susilo Bambang Yudhoyono, Ahok / Basuki Tjahaja Purnama, Setnov / Setya
                 Novanto, Kemendagri / Kementerian Dalam Negeri ...).
  * acronym    : an all-capitals token equal to the initials of a multi-word name
                 (KPK / Komisi Pemberantasan Korupsi). Across articles only acronyms of 3+
                 letters whose expansion stands beside them in some article are used.
  * spelling   : two names of 6+ characters at edit distance 1 or 2 ("Tjahjo" / "Tjahyo").
  * contains   : the words of one name are a subset of the other's ("Setya Novanto" /
                 "Novanto", "Emil" / "Emil Dardak").
  * shared_word: two names sharing a word of 3+ letters that is not a title or generic
                 organisation word (GENERIC), neither containing the other ("Budi Gunawan" /
                 "Budi Waseso"). At most 12 pairs per shared word, at random.
  * same_word  : the same one-word name in two articles ("Agus" / "Agus"): one person or two?
  Each kind is proposed within one article and across two articles ("scope"); an across
  pair puts each name in one of the articles where it occurs, chosen at random.

A fixed seed (--seed) makes every random choice; --per-group N candidates are then drawn
from each (reason, scope). --contexts adds a 200-character window around the first
occurrence of each name, for reading: keep that output out of the repository (the text is
CC BY-SA 4.0). --find NAME lists the articles whose first occurrence of NAME is a whole name
(to look for a person's other mentions by hand); --show DOC NAME prints a 400-character
window; --check GOLD verifies a gold file (names verbatim, no duplicates) and prints counts.

Usage:
  python tools/alias_candidates.py --corpus /work/id/all.jsonl --seed 18 --out /tmp/alias_cand.jsonl \
      [--per-group 150] [--contexts]
  python tools/alias_candidates.py --corpus /work/id/all.jsonl --find "Agus"
  python tools/alias_candidates.py --corpus /work/id/all.jsonl --show 1503916113 "Agus"
  python tools/alias_candidates.py --corpus /work/id/all.jsonl --check tests/gold/alias_pairs.jsonl
"""
from __future__ import annotations

import argparse
import collections
import itertools
import json
import random
import re
import sys
from pathlib import Path

TITLES = {
    "presiden", "wakil", "wapres", "menteri", "menko", "ketua", "umum", "sekretaris", "jenderal",
    "sekjen", "kapolri", "wakapolri", "kapolda", "wakapolda", "kapolres", "kapolsek", "kapolresta",
    "kabareskrim", "kadiv", "humas", "kabid", "kasubdit", "direktur", "dirut", "utama", "gubernur",
    "wagub", "bupati", "walikota", "wali", "kota", "panglima", "kasad", "kasal", "kasau", "pangdam",
    "danrem", "dandim", "kepala", "jaksa", "agung", "hakim", "juru", "bicara", "jubir", "anggota",
    "pengacara", "kuasa", "hukum", "akbp", "kombes", "kompol", "brigjen", "irjen", "komjen", "jenderal",
    "aiptu", "bripka", "briptu", "brigadir", "iptu", "ipda", "akp", "aipda", "mayjen", "letjen",
    "marsekal", "laksamana", "kolonel", "letkol", "mayor", "kapten", "serda", "sertu", "pratu",
    "dr.", "dr", "prof.", "prof", "ir.", "h.", "hj.", "kh", "k.h.", "habib", "ustaz", "ustad", "ustadz",
    "pak", "bapak", "ibu", "bu", "mas", "mbak", "bang", "tuan", "nyonya", "raja", "ratu", "pangeran",
    "perdana", "pm", "senator", "pelatih", "kapten", "manajer", "pemain", "striker", "aktor", "aktris",
    "penyanyi", "komisioner", "kabag", "kasat", "kasatreskrim", "kanit", "plt", "plh", "mantan",
    "calon", "cagub", "cawagub", "capres", "cawapres", "terdakwa", "tersangka", "saksi", "koordinator",
    "dewan", "pembina", "penasihat", "deputi", "staf", "khusus", "kapuspen", "kapendam", "pol", "komisaris",
    "inspektur", "ajun", "ketum", "waketum", "kabiro", "karo", "kapuspenkum", "kasubag", "dirjen", "bek",
    "gelandang", "kiper", "penyerang", "rektor", "dekan", "duta", "dubes", "konsul", "ceo", "cto", "presdir",
    "menhan", "mendagri", "menlu", "menkeu", "menkumham", "mendikbud", "menhub", "menpora", "mensos",
    "menag", "menkes", "kajati", "kajari", "jampidsus", "bendahara", "legislator", "politikus",
    "politisi", "pengamat", "peneliti", "aktivis", "advokat", "pakar", "ekonom", "almarhum", "almarhumah",
    "mendiang", "sang", "pebalap", "pebulutangkis", "petenis", "pegolf", "petinju", "wakapolres",
    "pangkostrad", "kapolrestabes", "ketua", "kasubbag", "kasubbid", "kapusdatin", "kabag", "kabaharkam",
    "wamen", "wakil", "danjen", "danpaspampres", "kadispen", "kadispenad", "kasum", "kasdam",
}
# Words of a minister's or chief's portfolio that follow a title ("Menteri Dalam Negeri").
PORTFOLIO = {"dalam", "luar", "negeri", "keuangan", "pertahanan", "agama", "sosial", "kesehatan",
             "koordinator", "bidang", "politik", "keamanan", "perekonomian", "dpr", "mpr", "dpd", "kpk",
             "polri", "tni", "bnn", "bin", "ma", "mk", "ky", "bpk", "umum", "partai", "fraksi", "komisi",
             "badan", "pendidikan", "kebudayaan", "perhubungan", "perdagangan", "perindustrian", "bumn",
             "pariwisata", "pertanian", "kelautan", "perikanan", "hukum", "ham", "pemuda", "olahraga",
             "komunikasi", "informatika", "kominfo", "energi", "sumber", "daya", "mineral", "esdm",
             "tenaga", "kerja", "pekerjaan", "pupr", "ri", "republik", "indonesia", "dki", "jakarta",
             "jawa", "barat", "timur", "tengah", "metro", "jaya", "reserse", "kriminal", "narkoba",
             "hubungan", "masyarakat", "penerangan", "pusat", "divisi", "kabinet", "negara", "besar",
             "golkar", "gerindra", "pdip", "pdi", "perjuangan", "demokrat", "nasdem", "hanura", "pks", "pkb",
             "ppp", "pan", "perindo", "psi", "pbb", "mabes", "bareskrim", "densus", "polda", "polres",
             "polresta", "polsek", "kodam", "korem", "kodim", "sat", "satreskrim", "reskrim", "ditreskrimum",
             "ditreskrimsus", "ditresnarkoba", "pertama", "muda", "madya", "ad", "al", "au"}
# Generic organisation words: sharing one of these does not make two names a candidate pair.
GENERIC = {"kementerian", "komisi", "badan", "dewan", "partai", "polda", "polres", "polsek", "pemprov",
           "pemkot", "pemkab", "dinas", "pengadilan", "negeri", "tinggi", "universitas", "rumah", "sakit",
           "bank", "pt", "persatuan", "perhimpunan", "asosiasi", "lembaga", "majelis", "mahkamah",
           "indonesia", "nasional", "republik", "daerah", "pusat", "umum", "rakyat", "jakarta", "jawa",
           "barat", "timur", "utara", "selatan", "tengah", "kabupaten", "kota", "provinsi", "jalan", "jl",
           "gedung", "kantor", "masjid", "gereja", "sekolah", "sma", "smp", "sd", "the", "of", "and",
           "for", "club", "united", "fc", "dan", "untuk", "dari", "baru", "raya", "besar", "agung",
           "islam", "muslim", "kristen", "front", "gerakan", "aliansi", "koalisi", "forum", "ikatan",
           "serikat", "federasi", "liga", "piala", "festival", "timnas", "tim", "divisi", "direktorat",
           "kejaksaan", "kepolisian", "tentara", "angkatan", "laut", "udara", "darat", "komando",
           "metro", "jaya", "resor", "sektor", "grup", "group", "news", "com", "media", "tv", "radio"}
CHROME = {"baca", "juga", "foto", "video", "lihat", "simak", "klik", "sumber", "editor", "reporter",
          "penulis", "berita", "terkait", "artikel", "advertisement", "copyright"}
DAYS_MONTHS = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari",
               "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
               "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "sep", "okt", "nov", "des",
               "wib", "wita", "wit"}
CONNECTORS = {"bin", "binti", "van", "der", "den", "de", "al", "dan", "&", "von", "da", "dos", "el"}
ACRONYM_SKIP = {"dan", "dari", "di", "untuk", "&", "of", "the", "and", "bagi", "pada", "ke", "atas"}

# Well-known short forms: short → full names (one short form may have more than one spelling).
KNOWN = {
    "Jokowi": ["Joko Widodo"], "SBY": ["Susilo Bambang Yudhoyono"], "Ahok": ["Basuki Tjahaja Purnama"],
    "Setnov": ["Setya Novanto"], "JK": ["Jusuf Kalla"], "Zulhas": ["Zulkifli Hasan"],
    "Buwas": ["Budi Waseso"], "BG": ["Budi Gunawan"], "Gus Dur": ["Abdurrahman Wahid"],
    "Cak Imin": ["Muhaimin Iskandar"], "Emil": ["Ridwan Kamil"], "Aher": ["Ahmad Heryawan"],
    "AHY": ["Agus Harimurti Yudhoyono"], "Ibas": ["Edhie Baskoro Yudhoyono"], "Anies": ["Anies Baswedan"],
    "Sandi": ["Sandiaga Uno", "Sandiaga Salahuddin Uno"], "Megawati": ["Megawati Soekarnoputri"],
    "Habib Rizieq": ["Rizieq Shihab", "Muhammad Rizieq Shihab"], "Kemendagri": ["Kementerian Dalam Negeri"],
    "Kemenlu": ["Kementerian Luar Negeri"], "Kemenkeu": ["Kementerian Keuangan"],
    "Kemenkumham": ["Kementerian Hukum dan HAM", "Kementerian Hukum dan Hak Asasi Manusia"],
    "Kemenag": ["Kementerian Agama"], "Kemenhub": ["Kementerian Perhubungan"],
    "Kemenkes": ["Kementerian Kesehatan"], "Kemenpora": ["Kementerian Pemuda dan Olahraga"],
    "Kemkominfo": ["Kementerian Komunikasi dan Informatika"], "Kominfo": ["Kementerian Komunikasi dan Informatika"],
    "Kemendikbud": ["Kementerian Pendidikan dan Kebudayaan"], "Kemhan": ["Kementerian Pertahanan"],
    "Kemenhan": ["Kementerian Pertahanan"], "Kemensos": ["Kementerian Sosial"],
    "Polri": ["Kepolisian Negara Republik Indonesia", "Kepolisian Republik Indonesia"],
    "Bareskrim": ["Badan Reserse Kriminal"], "Kejagung": ["Kejaksaan Agung"],
    "Gerindra": ["Gerakan Indonesia Raya"], "Golkar": ["Partai Golongan Karya", "Golongan Karya"],
    "Hanura": ["Hati Nurani Rakyat"], "Densus 88": ["Detasemen Khusus 88"], "Densus": ["Detasemen Khusus"],
    "Menkumham": ["Menteri Hukum dan HAM"], "Mendagri": ["Menteri Dalam Negeri"],
    "Menlu": ["Menteri Luar Negeri"], "Wapres": ["Wakil Presiden"], "Kapolri": ["Kepala Kepolisian"],
    "Unpad": ["Universitas Padjadjaran"], "UGM": ["Universitas Gadjah Mada"], "UI": ["Universitas Indonesia"],
    "Jabar": ["Jawa Barat"], "Jateng": ["Jawa Tengah"], "Jatim": ["Jawa Timur"], "Sumut": ["Sumatera Utara"],
    "Sulsel": ["Sulawesi Selatan"], "Kaltim": ["Kalimantan Timur"], "NTT": ["Nusa Tenggara Timur"],
    "NTB": ["Nusa Tenggara Barat"], "Jaksel": ["Jakarta Selatan"], "Jakpus": ["Jakarta Pusat"],
    "Jaktim": ["Jakarta Timur"], "Jakbar": ["Jakarta Barat"], "Jakut": ["Jakarta Utara"],
    "MU": ["Manchester United"], "Barca": ["Barcelona"], "Madrid": ["Real Madrid"],
    "Pak Harto": ["Soeharto"], "Hatta": ["Mohammad Hatta"], "Bung Karno": ["Soekarno", "Sukarno"],
    "Tjahjo": ["Tjahjo Kumolo"], "Tito": ["Tito Karnavian"], "Wiranto": ["Wiranto"],
    "Trump": ["Donald Trump"], "Obama": ["Barack Obama"], "Putin": ["Vladimir Putin"],
    "ISIS": ["Negara Islam Irak dan Suriah", "Islamic State"], "FPI": ["Front Pembela Islam"],
    "HTI": ["Hizbut Tahrir Indonesia"], "NU": ["Nahdlatul Ulama"], "PBNU": ["Pengurus Besar Nahdlatul Ulama"],
    "MUI": ["Majelis Ulama Indonesia"], "Muhammadiyah": ["Muhammadiyah"],
}

SENT_END = re.compile(r"[.!?\"]$")
TOKEN_CAP = re.compile(r"^[A-Z][A-Za-z0-9'\.\-]*$")


def load(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_cap(tok: str) -> bool:
    return bool(TOKEN_CAP.match(tok)) and any(c.isalpha() for c in tok)


def common_words(docs: list[dict]) -> set[str]:
    """Words written in lower case more often than capitalised (mid-sentence): common words."""
    low, cap = collections.Counter(), collections.Counter()
    for d in docs:
        prev = "."
        for tok in d["text"].split():
            if tok.islower():
                low[tok] += 1
            elif is_cap(tok) and not SENT_END.search(prev):
                cap[tok.lower()] += 1
            prev = tok
    return {w for w, n in low.items() if n > cap.get(w, 0)}


def runs(text: str):
    """Yield (tokens, sentence_initial) for each maximal run of capitalised tokens."""
    toks = text.split()
    i = 0
    while i < len(toks):
        if not is_cap(toks[i]):
            i += 1
            continue
        initial = i == 0 or bool(SENT_END.search(toks[i - 1])) or "\n" in toks[i - 1]
        j = i + 1
        while j < len(toks):
            if is_cap(toks[j]):
                j += 1
            elif toks[j] in CONNECTORS and j + 1 < len(toks) and is_cap(toks[j + 1]):
                j += 2
            else:
                break
        yield toks[i:j], initial
        i = j


def clean(tok: str) -> str:
    return tok.rstrip(".,;:'\"") if not re.match(r"^[A-Z][a-z]?\.$", tok) or tok.lower() in TITLES else tok


def split_titles(piece: list[str]) -> list[tuple[list[str], list[str]]]:
    """Cut a run at its title words: [(title tokens, name tokens)], e.g. "Kapolda Jabar Kombes Pol
    Yusri Yunus" -> [(["Kapolda", "Jabar", "Kombes", "Pol"], ["Yusri", "Yunus"])]. A title takes the
    portfolio words and acronyms that follow it ("Menteri Dalam Negeri", "Ketua Umum PAN")."""
    out, title, name = [], [], []
    k = 0
    while k < len(piece):
        t = piece[k]
        low = t.lower()
        if low in TITLES:
            if name:
                out.append((title, name))
                title, name = [], []
            title.append(t)
            k += 1
            while k < len(piece) and (piece[k].lower() in PORTFOLIO or piece[k].lower() in TITLES
                                      or (piece[k].isupper() and len(piece[k]) >= 2 and k + 1 < len(piece))):
                title.append(piece[k])
                k += 1
            continue
        name.append(t)
        k += 1
    if name:
        out.append((title, name))
    return out


def first_is_whole(text: str, name: str) -> bool:
    """The first occurrence of name is a whole name: not inside a word, not part of a longer name
    (the token before is a title, a portfolio word or not capitalised; the token after is not
    capitalised). The gold means the first occurrence, so only such names are proposed."""
    i = text.find(name)
    if i < 0:
        return False
    before, after = text[:i], text[i + len(name):]
    if (before and before[-1].isalnum()) or (after and after[0].isalnum()):
        return False
    prev = before.split()[-1] if before.split() else ""
    nxt = after.split()[0].rstrip(".,;:!?)\"'") if after.split() else ""
    if prev and is_cap(prev) and prev.lower() not in TITLES and prev.lower() not in PORTFOLIO \
            and not SENT_END.search(prev) and not prev.endswith(","):
        return False
    if nxt and is_cap(nxt) and before[-1:] != "(" and not after.startswith(" ("):
        return False
    return True


def mentions(doc: dict, common: set[str]) -> list[tuple[str, str]]:
    """(name, titled_form or "") for the names of one article, first occurrence order, no duplicates.
    A run holding "dan" gives the whole run and each side ("Lionel Messi dan Luis Suarez")."""
    out, seen = [], set()
    text = doc["text"]

    def keep(name_toks, title_toks):
        while name_toks and name_toks[-1] in CONNECTORS:
            name_toks = name_toks[:-1]
        while name_toks and name_toks[0] in CONNECTORS:
            name_toks = name_toks[1:]
        if not name_toks:
            return
        name = " ".join(name_toks)
        if len(name) < 2 or (len(name_toks) == 1 and name.lower() in common) or not first_is_whole(text, name):
            return
        titled = " ".join(title_toks + name_toks) if title_toks else ""
        if name not in seen:
            seen.add(name)
            out.append((name, titled if titled in text else ""))

    for toks, initial in runs(text):
        toks = [t for t in (clean(t) for t in toks) if t]
        if initial and toks and toks[0].lower() in common and toks[0].lower() not in TITLES:
            toks = toks[1:]
        cut = [k for k, t in enumerate(toks) if t.lower() in CHROME or t.lower() in DAYS_MONTHS]
        pieces, start = [], 0
        for k in cut + [len(toks)]:
            if toks[start:k]:
                pieces.append(toks[start:k])
            start = k + 1
        for piece in pieces:
            for title, name in split_titles(piece):
                keep(name, title)
                if "dan" in name:
                    k = name.index("dan")
                    keep(name[:k], title)
                    keep(name[k + 1:], [])
    return out


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIP).upper()


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def relation(na: str, nb: str) -> str | None:
    """Why two different name strings are worth judging as a pair, or None."""
    if na == nb:
        return None
    for x, y in ((na, nb), (nb, na)):
        if y in KNOWN.get(x, ()):
            return "known"
    for x, y in ((na, nb), (nb, na)):
        wy = y.split()
        if re.fullmatch(r"[A-Z]{2,7}", x) and len(wy) >= 2 and initials(wy) == x:
            return "acronym"
    if min(len(na), len(nb)) >= 6 and edit_distance(na.lower(), nb.lower()) <= 2 and na.lower() != nb.lower():
        return "spelling"
    wa, wb = content_words(na), content_words(nb)
    if wa & wb:
        return "contains" if wa <= wb or wb <= wa else "shared_word"
    return None


def content_words(name: str) -> set[str]:
    return {w.lower() for w in name.split()
            if len(w) >= 3 and w.lower() not in GENERIC and w.lower() not in TITLES and w.lower() not in CONNECTORS}


def deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def propose(docs: list[dict], seed: int, per_token: int = 12) -> tuple[dict, dict]:
    """All candidates by (reason, scope), and the names of each article (with titled forms)."""
    rng = random.Random(seed)
    common = common_words(docs)
    by_doc = {d["id"]: mentions(d, common) for d in sorted(docs, key=lambda d: d["id"])}
    where: dict[str, list[str]] = collections.defaultdict(list)   # name → docs, sorted
    for did, names in by_doc.items():
        for name, _ in names:
            where[name].append(did)
    groups: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    seen: set = set()

    def add(reason, da, na, db, nb):
        key = tuple(sorted([(da, na), (db, nb)]))
        if key in seen or (da, na) == (db, nb):
            return
        seen.add(key)
        scope = "within" if da == db else "across"
        groups[(reason, scope)].append({"reason": reason, "scope": scope, "doc_a": da, "name_a": na,
                                        "doc_b": db, "name_b": nb})

    def across(reason, na, nb):
        """Put na and nb in two different articles, chosen at random."""
        da = rng.choice(where[na])
        others = [d for d in where[nb] if d != da]
        if others:
            add(reason, da, na, rng.choice(others), nb)

    # 1. Within one article: every pair of its names that is related.
    for did, names in by_doc.items():
        bare = [n for n, _ in names]
        for na, nb in itertools.combinations(bare, 2):
            reason = relation(na, nb)
            if reason:
                add(reason, did, na, did, nb)
    # 2. Across articles.
    names = sorted(where)
    for short, fulls in sorted(KNOWN.items()):
        for full in fulls:
            if short in where and full in where and short != full:
                for _ in range(3):
                    across("known", short, full)
    # acronym across: KPK in one article, "Komisi Pemberantasan Korupsi" in another, for every
    # expansion seen beside its acronym in some article (two-letter acronyms are too ambiguous).
    linked = sorted({(c["name_a"], c["name_b"]) if re.fullmatch(r"[A-Z]{2,7}", c["name_a"])
                     else (c["name_b"], c["name_a"]) for c in groups[("acronym", "within")]})
    for acr, full in linked:
        if len(acr) >= 3:
            for _ in range(2):
                across("acronym", acr, full)
    by_key = collections.defaultdict(set)
    for n in names:
        if len(n) >= 6:
            for k in deletions(n.lower()):
                by_key[k].add(n)
    checked = set()
    for k in sorted(by_key):
        group = sorted(by_key[k])
        for na, nb in itertools.combinations(group, 2):
            if (na, nb) not in checked:
                checked.add((na, nb))
                if relation(na, nb) == "spelling":
                    across("spelling", na, nb)
    by_word = collections.defaultdict(list)
    for n in names:
        for w in content_words(n):
            by_word[w].append(n)
    for w in sorted(by_word):
        group = by_word[w]
        pairs = list(itertools.combinations(group, 2)) if len(group) <= 60 else \
            [tuple(rng.sample(group, 2)) for _ in range(per_token * 3)]
        rng.shuffle(pairs)
        for na, nb in pairs[:per_token]:
            reason = relation(na, nb)
            if reason in ("shared_word", "contains"):
                across(reason, na, nb)
        # the same one-word name in two articles: one person, or two people sharing a name?
        if w.capitalize() in where and len(where[w.capitalize()]) >= 2:
            da, db = rng.sample(where[w.capitalize()], 2)
            add("same_word", da, w.capitalize(), db, w.capitalize())
    return groups, by_doc


def window(text: str, name: str, width: int = 200) -> str:
    i = text.find(name)
    if i < 0:
        return "<NOT FOUND>"
    half = (width - len(name)) // 2
    return text[max(0, i - half): i + len(name) + half].replace("\n", " / ")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path("/work/id/all.jsonl"))
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--out", type=Path, help="write the drawn candidates here (JSON Lines)")
    ap.add_argument("--per-group", type=int, default=150, help="candidates drawn per (reason, scope)")
    ap.add_argument("--contexts", action="store_true", help="add a 200-character window for each name")
    ap.add_argument("--check", type=Path, help="check a gold file: names in text, counts")
    ap.add_argument("--show", nargs=2, metavar=("DOC", "NAME"), help="print the window of NAME in DOC (DOC: id or its prefix)")
    ap.add_argument("--find", metavar="NAME", help="list the articles where the first occurrence of NAME is a whole name")
    args = ap.parse_args(argv)
    docs = load(args.corpus)
    text = {d["id"]: d["text"] for d in docs}
    if args.show:
        doc = [d for d in text if d.startswith(args.show[0])]
        if len(doc) != 1:
            sys.exit(f"error: {len(doc)} articles whose id starts with {args.show[0]!r}")
        print(doc[0], "\n", window(text[doc[0]], args.show[1], 400))
        return 0
    if args.find:
        for did in sorted(text):
            if first_is_whole(text[did], args.find):
                print(did, "|", window(text[did], args.find))
        return 0
    if args.check:
        return check(args.check, text)
    groups, _ = propose(docs, args.seed)
    rng = random.Random(args.seed)
    drawn = []
    for key in sorted(groups):
        cands = groups[key]
        pick = rng.sample(cands, min(args.per_group, len(cands)))
        print(f"{key[0]:12} {key[1]:7} {len(cands):7} candidates, {len(pick)} drawn", file=sys.stderr)
        drawn += pick
    rng.shuffle(drawn)
    if args.out:
        with args.out.open("w", encoding="utf-8") as f:
            for c in drawn:
                if args.contexts:
                    c["context_a"] = window(text[c["doc_a"]], c["name_a"])
                    c["context_b"] = window(text[c["doc_b"]], c["name_b"])
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} candidates written", file=sys.stderr)
    return 0


def check(path: Path, text: dict[str, str]) -> int:
    """Every name occurs verbatim in its article; print the counts GOLD.md gives."""
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    bad = 0
    for k, r in enumerate(rows, 1):
        for d, n in ((r["doc_a"], r["name_a"]), (r["doc_b"], r["name_b"])):
            if d not in text or n not in text[d]:
                print(f"line {k}: {n!r} not in {d}", file=sys.stderr)
                bad += 1
    keys = collections.Counter((r["doc_a"], r["name_a"], r["doc_b"], r["name_b"]) for r in rows)
    for key, n in keys.items():
        if n > 1:
            print(f"duplicate pair {key}", file=sys.stderr)
            bad += 1
    glued = [(d, n) for r in rows for d, n in ((r["doc_a"], r["name_a"]), (r["doc_b"], r["name_b"]))
             if d in text and n in text[d] and not first_is_whole(text[d], n)]
    for d, n in sorted(set(glued)):
        print(f"note: first {n!r} in {d} touches another capitalised word (read it): "
              f"{window(text[d], n, 120)!r}", file=sys.stderr)
    across = sum(r["doc_a"] != r["doc_b"] for r in rows)
    print(f"{len(rows)} pairs, {across} across articles ({across / max(1, len(rows)):.0%})")
    for field in ("split", "kind", "alias_type"):
        c = collections.Counter((r[field], "same" if r["same"] else "different") for r in rows)
        print(f"by {field}:")
        for (value, same), n in sorted(c.items()):
            print(f"  {value:30} {same:9} {n}")
    c = collections.Counter(("same" if r["same"] else "different", r["split"]) for r in rows)
    print("same/different by split:", dict(sorted(c.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
