"""Arguments of events outside statements, second round (issue 17): the day a sentence spells out is the
day of its "hari ini", a passive verb's subject is whom the noun after it befalls, a body in the title of
a person the recogniser missed is no target, judges are actors, a group noun set off before a name gives
the person, and a village or a street after "di" is a place. Sentences about other countries."""
from __future__ import annotations

from datetime import date

from test_events import names, of, pipeline, read  # noqa: F401  (fixtures)


def test_the_spelled_out_day_is_the_day_of_hari_ini(read):
    """A paper of Wednesday morning writes "hari ini, Selasa (14/11)": the event happened on the Tuesday."""
    ext = read("Polisi menangkap tiga demonstran di Santiago hari ini, Selasa (14/11).", published=date(2017, 11, 15))
    assert [e.date for e in of(ext, "Detention")] == [date(2017, 11, 14)]
    ext = read("Polisi menangkap tiga demonstran di Santiago hari ini.", published=date(2017, 11, 15))
    assert [e.date for e in of(ext, "Detention")] == [date(2017, 11, 15)]


def test_the_subject_of_a_passive_verb_is_whom_the_measure_befalls(read):
    ext = read("Terdakwa Juan Perez dijatuhi vonis dua tahun penjara oleh majelis hakim Pengadilan Negeri Lima, "
               "Selasa (14/11).", published=date(2017, 11, 15))
    [event] = of(ext, "PolicyMeasure")
    assert names(ext, event.agents) == ["Pengadilan Negeri Lima"]
    assert "Pengadilan Negeri Lima" not in names(ext, event.targets)


def test_a_body_in_the_title_of_an_unrecognised_person_is_no_target(read):
    ext = read("Penyidik senior Interpol Pedro Alvarez disiram air keras oleh orang tak dikenal.")
    assert all("Interpol" not in names(ext, e.targets) for e in ext.events)


def test_judges_are_actors(read):
    """"para hakim", "seorang hakim" are judges; "Hakim" alone is also a given name ("Lukman Hakim")."""
    ext = read("Para hakim menjatuhkan vonis dua tahun penjara kepada terdakwa Juan Perez.")
    assert [(names(ext, e.agents), names(ext, e.targets)) for e in of(ext, "PolicyMeasure")] == \
        [(["Para hakim"], ["Juan Perez"])]
    ext = read("Kebijakan itu diblokir oleh seorang hakim federal.")
    assert [names(ext, e.agents) for e in of(ext, "PolicyMeasure")] == [["seorang hakim"]]


def test_a_group_noun_set_off_before_a_name_gives_the_person(read):
    ext = read("Polisi Chile menangkap wartawan senior, Ana Ruiz, di Santiago.")
    assert [names(ext, e.targets) for e in of(ext, "Detention")] == [["Ana Ruiz"]]


def test_a_village_or_a_street_after_di_is_where_it_happened(read):
    ext = read("Polisi menangkap dua pelaku di Kampung Sukamaju, Senin (12/2). "
               "Bentrokan terjadi di Jalan Sudirman, Selasa (13/2).", published=date(2018, 2, 14))
    assert [names(ext, e.places) for e in of(ext, "Detention") + of(ext, "ArmedClash")] == [["Sukamaju"], ["Sudirman"]]
