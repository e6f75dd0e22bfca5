"""Reading both CoNLL layouts and turning them into text with exact gold offsets."""
import pytest

from kg.conll import detokenise, read_conll, read_gold, token_spans

IDNER = (  # TOKEN UPOS TAG, CRLF, as idner-news-2k ships it
    "Presiden PROPN O\r\nPeru PROPN B-LOC\r\n, PUNCT O\r\nDina PROPN B-PER\r\n"
    "Boluarte PROPN I-PER\r\n, PUNCT O\r\nbertemu VERB O\r\nKomisi PROPN B-ORG\r\n"
    "Pemilihan PROPN I-ORG\r\nUmum PROPN I-ORG\r\n(KPU) PROPN I-ORG\r\ndi ADP O\r\n"
    "Lima PROPN B-LOC\r\n. PUNCT O\r\n\r\n"
    "Menurut ADP O\r\n(Jokowi) PROPN B-PER\r\nitu DET O\r\nbenar ADJ O\r\n. PUNCT O\r\n\r\n"
)
NERGRIT = (  # token<TAB>tag
    "Junta\tO\nMyanmar\tB-PLACE\nmenahan\tO\n\"\tO\nAung\tB-PERSON\nSan\tI-PERSON\n"
    "Suu\tI-PERSON\nKyi\tI-PERSON\n\"\tO\n(\tO\nNLD\tB-ORGANISATION\n)\tO\ndi\tO\n"
    "Nay\tB-PLACE\nPyi\tI-PLACE\nTaw\tI-PLACE\n,\tO\n2\tO\n.\tO\n000\tO\norang\tO\n"
    "-\tO\norang\tO\n.\tO\n\n"
)


@pytest.fixture
def files(tmp_path):
    idner = tmp_path / "idner.txt"
    idner.write_bytes(IDNER.encode())
    nergrit = tmp_path / "nergrit.txt"
    nergrit.write_text(NERGRIT, encoding="utf-8")
    return idner, nergrit


def test_reads_space_layout_with_crlf_and_maps_tags_to_kinds(files):
    sentences = read_conll(files[0])
    assert len(sentences) == 2
    assert sentences[0].tokens[:4] == ["Presiden", "Peru", ",", "Dina"]
    assert sentences[0].tags[:5] == ["O", "B-Place", "O", "B-Person", "I-Person"]
    assert sentences[0].tags[7:11] == ["B-Organization"] + ["I-Organization"] * 3


def test_reads_tab_layout(files):
    (sentence,) = read_conll(files[1])
    assert sentence.tokens[4:8] == ["Aung", "San", "Suu", "Kyi"]
    assert sentence.tags[1] == "B-Place" and sentence.tags[10] == "B-Organization"


def test_bad_lines_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Lima\tB-LOC\nPeru\tB-CITY\n")
    with pytest.raises(ValueError, match=r"bad.txt:2: unknown NER tag 'B-CITY'"):
        read_conll(bad)
    bad.write_text("Lima\n")
    with pytest.raises(ValueError, match=r"bad.txt:1: expected a token and a tag"):
        read_conll(bad)


def test_detokenise_spacing_and_offsets():
    tokens = ["Ia", "berkata", ":", "\"", "Kami", "menolak", "(", "semua", ")", "hasil", ",",
              "98", "%", "!", "\"", "di", "[", "Yangon", "]", "2", ".", "500", "anak", "-", "anak", "."]
    text, offsets = detokenise(tokens)
    assert text == 'Ia berkata: "Kami menolak (semua) hasil, 98%!" di [Yangon] 2.500 anak-anak.'
    assert [text[b:e] for b, e in offsets] == tokens


def test_dash_between_different_words_keeps_spaces():
    text, _ = detokenise(["Lima", "-", "Presiden", "Choi", "Si", "-", "won"])
    assert text == "Lima - Presiden Choi Si - won"


def test_token_spans_bio_and_stray_inside_tag():
    tags = ["B-Person", "I-Person", "O", "I-Place", "B-Place", "B-Place", "I-Organization"]
    assert token_spans(tags) == [(0, 2, "Person"), (3, 4, "Place"), (4, 5, "Place"),
                                 (5, 6, "Place"), (6, 7, "Organization")]


def test_gold_spans_exact_and_normalised(files):
    first, second = read_gold(files[0])
    assert first.text == ("Presiden Peru, Dina Boluarte, bertemu Komisi Pemilihan Umum (KPU) "
                          "di Lima.")
    assert [(first.text[b:e], k) for b, e, k in first.spans] == [
        ("Peru", "Place"), ("Dina Boluarte", "Person"),
        ("Komisi Pemilihan Umum", "Organization"), ("KPU", "Organization"),  # name (ACR) split
        ("Lima", "Place")]
    assert [(second.text[b:e], k) for b, e, k in second.spans] == [("Jokowi", "Person")]  # "(Jokowi)"


def test_every_gold_span_matches_its_tokens(files):
    (sentence,) = read_conll(files[1])
    (gold,) = read_gold(files[1])
    assert gold.text == ('Junta Myanmar menahan "Aung San Suu Kyi" (NLD) di Nay Pyi Taw, '
                         '2.000 orang-orang.')
    text, offsets = detokenise(sentence.tokens)
    expected = [(offsets[a][0], offsets[b - 1][1], k) for a, b, k in token_spans(sentence.tags)]
    assert gold.spans == expected
    assert [gold.text[b:e] for b, e, _ in gold.spans] == ["Myanmar", "Aung San Suu Kyi", "NLD",
                                                          "Nay Pyi Taw"]


def test_quote_inside_span_is_dropped_at_the_edges(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text('sebagai\tO\n"\tB-PERSON\nHarry\tI-PERSON\nMacDowel\tI-PERSON\n"\tI-PERSON\n'
                    'dan\tO\nIndonesia\tB-PLACE\n?\tI-PLACE\n')
    (gold,) = read_gold(path)
    assert gold.text == 'sebagai "Harry MacDowel" dan Indonesia?'
    assert [gold.text[b:e] for b, e, _ in gold.spans] == ["Harry MacDowel", "Indonesia"]
