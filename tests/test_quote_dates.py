"""Dates of quotes: a quote's "hari ini" is the day the words were said, the day the article gives
the speech; the saying takes no other date from inside its quote; what the speaker tells of takes
no date from the telling. Sentences about other countries and crises."""
from __future__ import annotations

from datetime import date

from test_events import of, pipeline, read  # noqa: F401  (fixtures)


def test_a_quotes_hari_ini_is_the_day_the_article_gives_the_speech(read):
    ext = read("“Situasi di ibu kota sudah terkendali,” kata juru bicara kepolisian Kenya Bruno Shioso di "
               "Nairobi, Senin (11/12). “Hari ini kami menahan dua tersangka perusuh,” tuturnya.",
               date(2017, 12, 12))
    assert [e.date for e in of(ext, "Statement")] == [date(2017, 12, 11), date(2017, 12, 11)]
    assert [e.date for e in of(ext, "Detention")] == [date(2017, 12, 11)]


def test_without_a_day_of_speaking_hari_ini_is_the_papers_day(read):
    ext = read("“Hari ini kami menahan dua tersangka perusuh,” kata juru bicara kepolisian Kenya Bruno Shioso.",
               date(2017, 12, 12))
    assert [e.date for e in of(ext, "Detention")] == [date(2017, 12, 12)]


def test_the_saying_is_not_dated_by_another_day_its_quote_names(read):
    ext = read("Menteri Luar Negeri Chile Heraldo Munoz mengatakan kedua negara sepakat melanjutkan perundingan. "
               "“Delegasi kami akan bertemu lagi dengan delegasi Bolivia besok,” tambahnya.", date(2016, 3, 9))
    assert [e.date for e in of(ext, "Statement")] == [None, None]


def test_what_a_speaker_tells_of_is_not_dated_by_the_day_of_telling(read):
    ext = read("“Ini korban penembakan oleh kelompok bersenjata,” ujar Kepala Kepolisian Nairobi Japheth Koome "
               "kepada wartawan, Selasa (23/1/2018).", date(2018, 1, 24))
    assert [e.date for e in of(ext, "Statement")] == [date(2018, 1, 23)]
    told = [e for e in ext.events if e.cls != "Statement"]
    assert told and all(e.date is None for e in told)
