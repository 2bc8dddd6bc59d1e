"""Dialogues read from cables: seed 000's two mechanisms and four BWG sessions exactly, and the
rules on short cable-style text."""

from conftest import seed_path
from engagements.extract.dialogues import extract_dialogues, session_leads
from engagements.extract.read import read_path
from test_requests import cable


def test_seed_000_mechanisms():
    doc = read_path(seed_path("000"))
    dialogues, mentions, _ = extract_dialogues(doc)
    rows = {d.dialogue_id: d for d in dialogues}
    assert sorted(rows) == ["dlg-per-usa-bwg", "dlg-per-usa-navy-to-navy-working-group"]
    bwg = rows["dlg-per-usa-bwg"]
    assert (bwg.name, bwg.acronym, bwg.country_codes, bwg.kind, bwg.basis, bwg.established_edtf) == (
        "Bilateral Working Group", "BWG", ["PER", "USA"], "pol-mil", "informal-understanding", "2007-05")
    assert bwg.paragraph_numbers == [2, 3, 4, 5, 6]
    navy = rows["dlg-per-usa-navy-to-navy-working-group"]
    assert (navy.kind, navy.basis, navy.frequency) == ("mil-to-mil", None, "once a year")
    for d in dialogues:
        assert d.quote in doc.paragraph(d.quote_paragraph).text
        assert (d.first_cable_id, d.cable_count) == ("09LIMA1661", 1)
    assert {m.dialogue_id for m in mentions} == set(rows)


def test_seed_000_sessions_with_ordinals_dates_venues_and_chairs():
    doc = read_path(seed_path("000"))
    _, _, sessions = extract_dialogues(doc)
    rows = [(s.session_number, s.date_edtf, s.city, s.country_code, s.status) for s in sessions]
    assert rows == [
        (1, "2007-05", "Washington", "USA", "held"),
        (None, "2007-11~", None, None, "held"),
        (2, "2009-06-17/2009-06-20", "Lima", "PER", "held"),
        (3, "2010-06~", "Washington", "USA", "planned"),
    ]
    assert all(s.kind == "dialogue-session" and s.dialogue_id == "dlg-per-usa-bwg" for s in sessions)
    leads = session_leads(doc, sessions)
    assert sorted((p.country_code, p.title, p.level) for p in leads) == [
        ("PER", "Minister of Defense", "minister"),
        ("USA", "Deputy Assistant Secretary of Defense", "deputy_assistant_secretary"),
    ]
    assert {p.meeting_id for p in leads} == {sessions[2].meeting_id}


def test_same_mechanism_gets_the_same_id_in_any_cable():
    a = cable("The U.S. and Peru hold Joint Staff Talks (JST) every year.")
    b = cable("The third JST met in Lima on May 5, 2008.")
    (da,), _, _ = extract_dialogues(a)
    assert da.dialogue_id == "dlg-per-usa-jst" and da.frequency == "every year" and da.kind == "mil-to-mil"
    _, _, sessions = extract_dialogues(cable("The U.S. and Peru hold Joint Staff Talks (JST) every year. The third JST met in Lima on May 5, 2008."))
    assert [(s.dialogue_id, s.session_number, s.date_edtf, s.city) for s in sessions] == [("dlg-per-usa-jst", 3, "2008-05-05", "Lima")]
    assert extract_dialogues(b)[0] == []  # an acronym never defined in the cable names nothing


def test_proposed_mechanisms_are_not_dialogues():
    doc = cable("The Minister proposed a new Bilateral Energy Dialogue that would meet twice a year.")
    assert extract_dialogues(doc)[0] == []


def test_institutions_are_not_dialogues():
    doc = cable("The National Electoral Commission met on Monday to certify the results.")
    assert extract_dialogues(doc)[0] == []


def test_resumed_topical_talks_between_two_named_countries():
    doc = cable("Cuba and the United States will resume migration talks on July 14 in New York, the first such talks in five years.")
    (d,), _, _ = extract_dialogues(doc)
    assert (d.name, d.country_codes) == ("migration talks", ["CUB", "USA"])


def test_between_names_the_parties_of_another_pair():
    doc = cable("Britain and Chile held the inaugural Joint Working Group meeting on counterterrorism between Britain and Chile on June 3, 2009.")
    (d,), _, (s,) = extract_dialogues(doc)
    assert d.country_codes == ["CHL", "GBR"]
    assert (s.session_number, s.status) == (1, "held")


def test_an_embassy_event_is_not_a_mechanism():
    doc = cable("The Embassy hosted a Youth Dialogue with Peruvian students, the first session of which met in May.")
    assert extract_dialogues(doc)[0] == []


def test_a_pair_in_the_name_must_be_the_parties():
    doc = cable("The U.S. Embassy noted that the second UK-Chile Economic Dialogue (UCED) met in London on May 11 with bilateral counterparts.", post="BEIJING", tags="PREL, CH, UK")
    assert [d.country_codes for d in extract_dialogues(doc)[0]] in ([], [["CHL", "GBR"]])


def test_a_format_defined_by_its_members_takes_them():
    doc = cable("The Ambassador and the Vice Minister discussed the next round of the Six-Party Talks (6PT), which last met in Beijing.", post="SEOUL", tags="PREL, KS, KN")
    (d,), _, _ = extract_dialogues(doc)
    assert d.country_codes == ["CHN", "JPN", "KOR", "PRK", "RUS", "USA"]


def test_a_conference_named_for_its_city_is_no_mechanism():
    doc = cable("The Ambassador met the Foreign Minister on the margins of the IISS Manama Dialogue, the sixth annual session.", post="MANAMA", tags="PREL, BA")
    assert extract_dialogues(doc)[0] == []


def test_a_session_takes_its_chair_and_the_head_of_the_other_delegation():
    doc = cable(
        "The United States and Moldova conduct Bilateral Defense Consultations every two years.",
        "The last Bilateral Defense Consultations took place January 11-12 in Washington, D.C.  The Deputy Assistant "
        "Secretary of Defense for Russia/Ukraine and Eurasia, Dr. Celeste Wallander, chaired the event.  The head of the "
        "Moldovan delegation was Minister of Defense Vitalie Marinuta.",
        post="CHISINAU", tags="PREL, MARR, MD")
    _, _, sessions = extract_dialogues(doc)
    leads = session_leads(doc, sessions)
    assert sorted((p.country_code, p.level, p.name) for p in leads) == [
        ("MDA", "minister", "Vitalie Marinuta"), ("USA", "deputy_assistant_secretary", None)]
    for p in leads:
        assert p.quote in doc.paragraph(p.quote_paragraph).text


def test_the_cables_only_working_group_is_named_again_as_the_wg():
    doc = cable(
        "The U.S.-Brazil bilateral Working Group on IPR enforcement met for the first time on August 5 in Rio de Janeiro.",
        "The next WG meeting will take place in Washington DC the week of September 6, 2004.",
        post="BRASILIA", tags="ETRD, KIPR, BR")
    (d,), _, sessions = extract_dialogues(doc)
    assert d.paragraph_numbers == [1, 2]
    assert ("planned", "Washington") in {(s.status, s.city) for s in sessions}
