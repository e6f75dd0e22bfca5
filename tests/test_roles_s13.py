"""Arguments of events outside statements (issue 17): government and court nouns as actors, the body a
group noun belongs to, the owner a noun trigger's clitic points back to, and places kept to the clause
they belong to. Sentences about other countries and crises."""
from __future__ import annotations

from test_events import names, of, pipeline, read  # noqa: F401  (fixtures)


def roles(ext, cls):
    return [(names(ext, e.agents), names(ext, e.targets), names(ext, e.participants)) for e in of(ext, cls)]


def test_the_government_and_the_judges_are_actors(read):
    ext = read("Menteri Keuangan Chile Mario Marcel tiba di Santiago. Seperti diberitakan sebelumnya, pemerintah "
               "mengumumkan pemangkasan anggaran pertahanan. Setelah sidang panjang, majelis hakim menjatuhkan "
               "putusan terhadap mantan jenderal Luis Ortega.")
    assert [a for a, _, _ in roles(ext, "PolicyMeasure")] == [["pemerintah"], ["majelis hakim"]]


def test_a_group_noun_before_its_court_names_the_court(read):
    ext = read("Mantan gubernur Julio Mendez divonis dua tahun penjara oleh majelis hakim Pengadilan Negeri "
               "Santiago pada Selasa.")
    assert [a for a, _, _ in roles(ext, "PolicyMeasure")] == [["Pengadilan Negeri Santiago"]]


def test_a_noun_triggers_clitic_points_back_to_the_only_person(read):
    """"pemecatannya": the person named before it is the one dismissed; "pengunduran dirinya": the one
    who resigned; nobody when a pronoun stands between, as it may stand for someone else."""
    ext = read("Senator Carlos Vega mengaku menerima suap. Pengakuan Vega kepada jaksa berbuah pemecatannya "
               "dari partai.")
    assert roles(ext, "LeadershipChange") == [([], ["Vega"], [])]
    ext = read("Menteri Pertahanan Peru Walter Ayala mengatakan sudah mengundurkan diri. "
               "Ayala menegaskan, pengunduran dirinya bertujuan menjaga etika politik.")
    assert roles(ext, "LeadershipChange")[-1][0] == ["Ayala"]
    ext = read("Maria Lopez hadir. Dia mengatakan pemecatannya tidak adil.")
    assert all(not (a or t) for a, t, _ in roles(ext, "LeadershipChange"))


def test_a_place_of_a_fronted_clause_is_not_where_the_main_clause_happened(read):
    ext = read("Sebelum Miguel Torres bersaksi di Lima, Menteri Luar Negeri Peru Ana Ruiz bertemu dengan Presiden "
               "Chile Gabriel Boric. Sebelum pemilu digelar di Cusco, polisi menangkap 20 demonstran.")
    events = of(ext, "Meeting") + of(ext, "Detention")
    assert [names(ext, e.participants + e.targets) for e in events] == [["Gabriel Boric"], ["demonstran"]]
    assert all(not e.places for e in events)


def test_the_body_of_an_office_set_off_before_its_holder_is_no_target(read):
    ext = read("Jaksa Kolombia telah menahan tersangka mantan Sekretaris Jenderal Kementerian Energi Kolombia, "
               "Andres Ruiz.")
    assert all("Kementerian Energi Kolombia" not in names(ext, e.targets) for e in of(ext, "Detention"))
