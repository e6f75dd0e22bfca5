"""A self-contained HTML page drawing the graph: the vendored Cytoscape.js, the drawing code
and the data are inlined, so the page opens offline and makes no network request."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import BinaryIO

from .model import Graph
from .network import cytoscape_elements

WEB = Path(__file__).resolve().parents[1] / "web"


def _inline(text: str) -> str:
    """Text that cannot close the <script> element it is put in."""
    return re.sub(r"(?i)<(/script|!--)", r"<\\\1", text)


def write_html(graph: Graph, out: BinaryIO) -> None:
    data = json.dumps(cytoscape_elements(graph), ensure_ascii=False).replace("<", "\\u003c")
    page = (WEB / "export.html").read_text(encoding="utf-8")
    for marker, text in (("/*LIBRARY*/", (WEB / "vendor" / "cytoscape.min.js").read_text(encoding="utf-8")),
                         ("/*GRAPH_JS*/", (WEB / "graph.js").read_text(encoding="utf-8")),
                         ("/*DATA*/", data)):
        page = page.replace(marker, _inline(text), 1)
    out.write(page.encode())


WRITERS = {"html": write_html}
