"""Meetings read from cables: the memcon of seed 004 exactly, and prose rules on cable-style text."""


from conftest import seed_path
from engagements.extract.meetings import event_coding, extract_meetings
from engagements.extract.read import read_path
from test_requests import cable


def _by_meeting(participants):
    out = {}
    for p in participants:
        out.setdefault(p.meeting_id, []).append(p)
    return out


def test_seed_004_memcon_gives_the_new_york_meeting_with_six_participants():
    doc = read_path(seed_path("004"))
    meetings, participants = extract_meetings(doc)
    assert len(meetings) == 1
    (m,) = meetings
    assert (m.date_edtf, m.city, m.country_code, m.status, m.kind) == ("2009-09-25", "New York", "USA", "held", "memcon")
    assert m.method == "meetings:memcon-head"
    para = doc.paragraph(m.quote_paragraph)
    assert m.quote in para.text
    rows = [(p.name, p.title, p.country_code, p.role, p.level) for p in participants]
    assert rows == [
        ("William J. Burns", "Under Secretary", "USA", "lead", "deputy_minister"),
        ("Christopher J. McMullen", "Deputy Assistant Secretary", "USA", "participant", "deputy_assistant_secretary"),
        ("Sara Mangiaracina", "WHA Notetaker", "USA", "notetaker", "working_level"),
        ("Jose Antonio Garcia Belaunde", "Foreign Minister", "PER", "lead", "minister"),
        ("Luis Valdivieso", "Peruvian Ambassador to the United States", "PER", "participant", "ambassador"),
        ("Luis Chavez", "Peruvian Deputy Permanent Representative to the UN", "PER", "participant", "ambassador"),
    ]
    for p in participants:
        assert p.quote in doc.paragraph(p.quote_paragraph).text
        assert p.meeting_id == m.meeting_id


def test_event_coding_crosswalk():
    assert event_coding("planned", "USA", {"USA", "PER"}) == ("036", "CONSULT", None)
    assert event_coding("held", "PER", {"USA", "PER"}) == ("042", "CONSULT", "visit")
    assert event_coding("held", "FRA", {"USA", "RUS"}) == ("044", "CONSULT", "meet")
    assert event_coding("held", None, {"USA", "RUS"}) == ("040", "CONSULT", "meet")


CABLE = """VZCZCXYZ0001
OO RUEHWEB
DE RUEHLP #0123/01 0651200
ZNY CCCCC ZZH
O 061200Z MAR 09
FM AMEMBASSY LA PAZ
TO RUEHC/SECSTATE WASHDC IMMEDIATE 0001

C O N F I D E N T I A L LA PAZ 000123

E.O. 12958: DECL: 03/06/2019
TAGS: PREL, BL
SUBJECT: AMBASSADOR'S MEETING WITH FOREIGN MINISTER

1. (C) The Ambassador met with Foreign Minister Juan Perez on March 4 in La Paz. Perez said the government would welcome a visit.

2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.

3. (C) Comment: If the Minister meets the Ambassador again, we will report. The Minister spoke by phone with his Peruvian counterpart on Monday. End comment.

SMITH
"""


def _cable(text=CABLE, name="09LAPAZ123.txt"):
    from engagements.extract.read import read_bytes

    return read_bytes(text.encode(), name)


def test_prose_meeting_with_date_venue_sides_and_leads():
    doc = _cable()
    meetings, participants = extract_meetings(doc)
    held = [m for m in meetings if m.status == "held"]
    assert [(m.date_edtf, m.city, m.country_code, m.method) for m in held] == [("2009-03-04", "La Paz", "BOL", "meetings:met-with")]
    people = {(p.name, p.title, p.country_code, p.role, p.level) for p in participants if p.meeting_id == held[0].meeting_id}
    assert people == {(None, "Ambassador", "USA", "lead", "ambassador"), ("Juan Perez", "Foreign Minister", "BOL", "lead", "minister")}
    for m in meetings:
        para = doc.paragraph(m.quote_paragraph)
        assert m.quote in para.text


def test_planned_meeting_between_two_foreign_governments_leaves_out_who_reported_it():
    meetings, participants = extract_meetings(_cable())
    (planned,) = [m for m in meetings if m.status == "planned"]
    assert (planned.date_edtf, planned.city, planned.country_code, planned.cameo_code) == ("2009-03-20", "Brasilia", "BRA", "036")
    sides = {(p.country_code, p.level) for p in participants if p.meeting_id == planned.meeting_id and p.role == "lead"}
    assert sides == {("BOL", "head_of_state"), ("BRA", "head_of_state")}


def test_hypothetical_meetings_and_phone_calls_are_not_meetings():
    meetings, _ = extract_meetings(_cable())
    assert all(3 not in m.paragraph_numbers for m in meetings)


def test_a_name_written_inside_an_office_title_is_split_off():
    text = CABLE.replace("SMITH\n", "4. (C) Minister of Defense Carlos Ruiz told the DCM on March 5 that the budget is short.\n\nSMITH\n")
    meetings, participants = extract_meetings(_cable(text))
    (m,) = [m for m in meetings if m.date_edtf == "2009-03-05"]
    people = {(p.name, p.title, p.country_code, p.level) for p in participants if p.meeting_id == m.meeting_id}
    assert ("Carlos Ruiz", "Minister of Defense", "BOL", "minister") in people
    assert (m.country_code, m.status, m.method) == ("BOL", "held", "meetings:told-us")


OTHER_LEADERS = CABLE.replace(
    "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
    "2. (C) Perez told the Ambassador that President Chen met Foreign Minister Wang in Santiago, Chile on March 2. "
    "Arab League Secretary General Ali Hassan met Perez on March 3.")


def test_a_leader_with_no_nationality_does_not_lead_a_meeting_abroad_for_the_host():
    meetings, participants = extract_meetings(_cable(OTHER_LEADERS))
    leads = {(p.name, p.country_code) for p in participants if p.role == "lead"}
    assert ("Chen", "BOL") not in leads


def test_an_organisation_named_before_a_title_is_its_side():
    _, participants = extract_meetings(_cable(OTHER_LEADERS))
    assert ("Ali Hassan", "LAS") in {(p.name, p.country_code) for p in participants}


FAMILY_NAME_FIRST = CABLE.replace(
    "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
    "2. (C) On March 5 the Ambassador met Korean National Security Adviser Kim Sung-ho and MEA Director G.K. Rao. "
    "National Security Adviser Kim said talks would go on.")


def test_a_name_written_shorter_later_is_the_same_participant_and_initials_are_names():
    meetings, participants = extract_meetings(_cable(FAMILY_NAME_FIRST))
    (m,) = [m for m in meetings if m.date_edtf == "2009-03-05"]
    names = [p.name for p in participants if p.meeting_id == m.meeting_id and p.country_code == "KOR"]
    assert names == ["Kim Sung-ho"]
    assert "G.K. Rao" in {p.name for p in participants if p.meeting_id == m.meeting_id}


UNNAMED_ABROAD = CABLE.replace(
    "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
    "2. (C) On March 6 the Ambassador met MFA Director (Americas) J.R. Soto. The President will attend talks in New York on March 21.")


def test_a_parenthesis_between_title_and_name_and_an_unnamed_host_office_abroad():
    meetings, participants = extract_meetings(_cable(UNNAMED_ABROAD))
    (m,) = [m for m in meetings if m.date_edtf == "2009-03-06"]
    assert "J.R. Soto" in {p.name for p in participants if p.meeting_id == m.meeting_id}
    for m in meetings:
        if m.country_code == "USA":
            assert ("BOL", "President") not in {(p.country_code, p.title) for p in participants if p.meeting_id == m.meeting_id}


SUBJECT_VERBS = CABLE.replace(
    "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
    "2. (C) On March 7 Perez met Palestinian Authority President Mahmoud Abbas in La Paz. Perez's March 8 meeting with "
    "President Gomez went well.")


def test_a_name_ends_at_a_possessive_and_a_territory_named_before_a_title_is_its_side():
    _, participants = extract_meetings(_cable(SUBJECT_VERBS))
    people = {(p.name, p.country_code) for p in participants}
    assert ("Mahmoud Abbas", "PSE") in people
    assert not any(p.name and ("'s" in p.name or "Meeting" in p.name) for p in participants)


def test_one_unnamed_office_whatever_its_accents_and_a_named_lead_among_equals():
    text = CABLE.replace(
        "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
        "2. (C) On March 9 the Charg\u00e9 d'Affaires met the Vice President and Interior Minister Luis Mora; the Charge d'Affaires said little.")
    meetings, participants = extract_meetings(_cable(text))
    (m,) = [m for m in meetings if m.date_edtf == "2009-03-09"]
    mine = [p for p in participants if p.meeting_id == m.meeting_id]
    assert len([p for p in mine if p.country_code == "USA"]) == 1
    assert [p.name for p in mine if p.country_code == "BOL" and p.role == "lead"] == ["Luis Mora"]


def test_discussions_between_two_named_officials_are_a_meeting():
    text = CABLE.replace(
        "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
        "2. (C) The plan grew out of discussions between Deputy Secretary John Smith and Peruvian Ambassador Luis Mora on March 2.")
    meetings, participants = extract_meetings(_cable(text))
    (m,) = [m for m in meetings if m.date_edtf == "2009-03-02"]
    assert {p.country_code for p in participants if p.meeting_id == m.meeting_id} == {"USA", "PER"}


def test_a_delegation_led_by_and_its_members_are_the_sides_of_the_meeting_reported():
    text = CABLE.replace(
        "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
        "2. (C) In a separate meeting on March 2, Econoff met with Vice Minister of Trade Ana Soto in Cochabamba. The Bolivian delegation was led "
        "by Carlos Rojas, Director General of Economic Affairs.\n\n"
        "3. (C) Mary Jones, Senior Director for Andean Affairs, led the U.S. delegation, which included Tom Brown, Desk Officer; "
        "and Ann White, Embassy Econoff.\n\n4. (C) Comment: none.")
    text = text.replace("3. (C) Comment: If", "5. (C) Comment: If")
    meetings, participants = extract_meetings(_cable(text))
    (m,) = [m for m in meetings if m.date_edtf == "2009-03-02"]
    mine = {(p.name, p.country_code, p.role, p.level) for p in participants if p.meeting_id == m.meeting_id}
    assert ("Carlos Rojas", "BOL", "lead", "senior_official") in mine
    assert ("Mary Jones", "USA", "lead", "senior_official") in mine
    assert ("Tom Brown", "USA", "participant", "working_level") in mine
    for p in participants:
        assert p.quote in _cable(text).paragraph(p.quote_paragraph).text


def test_a_diplomats_rank_after_his_office_is_no_portfolio():
    text = CABLE.replace(
        "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
        "2. (C) On March 2 Poloff delivered the demarche to North America Department Head Minister Jorge Vaca.")
    _, participants = extract_meetings(_cable(text))
    (vaca,) = [p for p in participants if p.name == "Jorge Vaca"]
    assert vaca.level == "senior_official" and vaca.title.endswith("(Minister)")


def test_a_meeting_between_two_nations_officials_written_in_the_plural():
    text = CABLE.replace(
        "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
        "2. (C) Perez said the upcoming meeting between the Bolivian and Chilean Foreign Ministers would matter. "
        "He said Bolivia was willing to resume talks with Peru.")
    meetings, participants = extract_meetings(_cable(text))
    (m,) = [m for m in meetings if 2 in m.paragraph_numbers and m.status == "planned"]
    leads = {(p.country_code, p.title, p.level) for p in participants if p.meeting_id == m.meeting_id and p.role == "lead"}
    assert leads == {("BOL", "Foreign Minister", "minister"), ("CHL", "Foreign Minister", "minister")}
    assert not [m for m in meetings if 2 in m.paragraph_numbers and m.status == "held"]


def test_an_embassy_minister_counselor_is_ours_and_a_special_representative_no_legislator():
    text = CABLE.replace(
        "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
        "2. (C) During a March 2 meeting with Pol Minister Counselor, Special Representative Jorge Vaca discussed trade.")
    _, participants = extract_meetings(_cable(text))
    people = {(p.title, p.country_code, p.level) for p in participants}
    assert ("Minister-Counselor", "USA", "senior_official") in people
    assert ("Special Representative", "BOL", "senior_official") in people


def test_the_hosts_official_leads_his_side_on_a_planned_trip_abroad():
    meetings, participants = extract_meetings(_cable())
    (planned,) = [m for m in meetings if m.status == "planned"]
    leads = {(p.name, p.country_code) for p in participants if p.meeting_id == planned.meeting_id and p.role == "lead"}
    assert ("Gomez", "BOL") in leads


def test_who_comes_with_a_us_official_to_meet_the_hosts_officials_is_on_the_us_side():
    text = CABLE.replace(
        "2. (C) Perez told the Ambassador that President Gomez will travel to Brasilia on March 20 to meet Brazilian President Lula.",
        "2. (C) National Security Advisor James Stone, the Ambassador and staff met President Gomez on March 2.")
    meetings, participants = extract_meetings(_cable(text))
    (m,) = [m for m in meetings if m.date_edtf == "2009-03-02"]
    leads = {(p.name, p.country_code, p.level) for p in participants if p.meeting_id == m.meeting_id and p.role == "lead"}
    assert leads == {("James Stone", "USA", "senior_official"), ("Gomez", "BOL", "head_of_state")}


def test_a_pronoun_subject_is_the_official_the_paragraph_runs_on():
    doc = cable(
        "Defense Minister Henk Kamp said the GONL is committed to the Joint Strike Fighter program.  Kamp claimed "
        "that the Dutch deployment is on track.  He discussed these issues with Ambassador Arnall on August 9, 2009.",
        post="THEHAGUE", tags="PREL, MARR, NL")
    meetings, participants = extract_meetings(doc)
    (m,) = meetings
    assert (m.date_edtf, m.status) == ("2009-08-09", "held")
    assert {(p.country_code, p.name, p.role) for p in participants} == {("NLD", "Henk Kamp", "lead"), ("USA", "Arnall", "lead")}


def test_an_opposition_senator_is_the_host_countrys_legislator():
    doc = cable("Opposition Senator Piedad Cordoba met with Ambassador Brownfield on May 3.",
                post="BOGOTA", tags="PREL, CO")
    _, participants = extract_meetings(doc)
    assert ("COL", "Piedad Cordoba") in {(p.country_code, p.name) for p in participants}


def test_a_junior_officer_by_rank_speaks_to_embassy_officers_and_a_council_president_is_no_head_of_state():
    doc = cable(
        "Edilberto Dogirama, the President of the Council of the Embera Comarca, told EMBOFFs on December 19, 2008 that the FARC had left.",
        "Major Felipe Cruz, in charge of intelligence for SENAFRONT police, told EMBOFFs on December 29, 2008 that the reports were false.",
        post="PANAMA", tags="PREL, SNAR, PM")
    meetings, participants = extract_meetings(doc)
    assert [m.date_edtf for m in meetings] == ["2008-12-29"]
    assert ("PAN", "Felipe Cruz", "working_level") in {(p.country_code, p.name, p.level) for p in participants}


def test_argentine_officials_are_a_side_and_a_lone_prosecutor_heads_his():
    doc = cable(
        "On September 11, 2007, Argentine intelligence service analysts briefed Ambassador and EmbOffs on the terrorist threat.",
        "In Ciudad del Este, the Ambassador and Asuncion DCM met with a Paraguayan federal financial crimes prosecutor on September 7, 2007.",
        post="BUENOSAIRES", tags="PTER, AR, PA")
    meetings, participants = extract_meetings(doc)
    assert [m.date_edtf for m in meetings] == ["2007-09-11", "2007-09-07"]
    leads = {(p.country_code, p.title) for p in participants if p.role == "lead"}
    assert ("PRY", "Paraguayan federal financial crimes prosecutor") in leads
    assert not any(c == "ARG" for c, _ in leads)  # a group of analysts takes part but heads nothing


def test_a_visiting_expert_named_by_description_is_the_us_side():
    doc = cable("The following events will take place:  -- September 28-October 2, 2009, visit of Prison Management expert Don Stolworthy.",
                post="SANJOSE", tags="SNAR, CS")
    meetings, participants = extract_meetings(doc)
    (m,) = meetings
    assert m.country_code == "CRI"
    assert [(p.country_code, p.name, p.role, p.level) for p in participants] == [("USA", "Don Stolworthy", "lead", "working_level")]


def test_a_readout_of_a_visit_is_one_encounter_and_the_visit_another():
    doc = cable(
        "Israel DCM Yoed Magen gave us an unexpectedly downbeat readout of the August 28, 2005 visit to Jerusalem by MEA "
        "Secretary East Rajiv Sikri, reporting that Sikri appeared to be the representative of the Palestinians.",
        post="NEWDELHI", tags="PREL, IN, IS")
    meetings, participants = extract_meetings(doc)
    by_method = {m.method: m for m in meetings}
    briefing, visit = by_method["meetings:told-us"], by_method["meetings:visit"]
    assert (briefing.date_edtf, briefing.city) == (None, None)
    assert (visit.date_edtf, visit.city, visit.country_code) == ("2005-08-28", "Jerusalem", "ISR")
    assert {(p.country_code, p.name) for p in participants if p.meeting_id == visit.meeting_id and p.role == "lead"} == {("IND", "Rajiv Sikri")}


def test_a_meeting_they_might_hold_is_hypothetical():
    doc = cable("Moratinos suggested that President Obama and President Zapatero might discuss details of such a channel at their next meeting.",
                post="MADRID", tags="PREL, SP")
    assert extract_meetings(doc)[0] == []


def test_wishing_for_discussions_and_never_holding_a_summit_are_no_meetings():
    doc = cable("Kim said he wished to have discussions with the USG on the planned April 2012 transfer of wartime operational control.",
                "The Blue House emphasized this week that President Lee would never buy a summit with the North.",
                post="SEOUL", tags="PREL, KS, KN")
    assert extract_meetings(doc)[0] == []


def test_a_business_forum_featuring_two_governments_ministers_is_a_meeting():
    doc = cable("In contrast to the summit-level camaraderie, a business leaders' meeting featuring EU Trade Commissioner Peter Mandelson "
                "and Indian Minister for Commerce and Industry Kamal Nath became a forum to spar on accusations of protectionism.",
                post="NEWDELHI", tags="ETRD, IN, EUN")
    _, participants = extract_meetings(doc)
    assert {(p.country_code, p.name, p.level, p.role) for p in participants} == {
        ("EU", "Peter Mandelson", "minister", "lead"), ("IND", "Kamal Nath", "minister", "lead")}


def test_a_visiting_leader_is_placed_by_the_office_holders_gazetteer():
    doc = cable("Brazilian Foreign Affairs Advisor Marco Aurelio Garcia was dispatched to La Paz on June 2, 2005 for meetings "
                "with President Mesa and U.S. Embassy Charge Greenlee.",
                "Tony Blair wrapped up two days of summits in New Delhi on September 8, 2005.",
                post="BRASILIA", tags="PREL, BR, BL")
    _, participants = extract_meetings(doc)
    placed = {(p.name, p.country_code, p.level) for p in participants}
    assert ("Mesa", "BOL", "head_of_state") in placed
    assert ("Tony Blair", "GBR", "head_of_state") in placed


def test_who_says_he_will_meet_someone_is_a_party_and_a_said_aside_does_not_end_the_clause():
    doc = cable("Russian Special Presidential Representative Anatoliy Safonov dined with Ambassador-at-Large Henry Crumpton.",
                "Safonov said he would meet with Ambassador Burns in Moscow to discuss next steps.",
                "Spanish Foreign Minister Moratinos thanked the Secretary.  During Moratinos' October 2009 trip to Cuba, he said, "
                "Raul Castro confessed his desire to open a channel.",
                post="PARIS", tags="PREL, PTER, RS")
    _, participants = extract_meetings(doc)
    names = {p.name for p in participants}
    assert {"Anatoliy Safonov", "Burns", "Raul Castro"} <= names


def test_a_negotiator_and_a_chief_with_a_nationality_before_them_are_officials():
    doc = cable("NSA Kim said veteran DPRK negotiator Kim Gye-gwan was slated to visit Beijing on February 10, 2010 at the "
                "invitation of Chinese 6PT chief Wu Dawei.", post="SEOUL", tags="PREL, KS, KN, CH")
    _, participants = extract_meetings(doc)
    assert {("PRK", "Kim Gye-gwan", "senior_official"), ("CHN", "Wu Dawei", "senior_official")} <= {
        (p.country_code, p.name, p.level) for p in participants}


def test_a_separate_meeting_without_a_date_is_on_the_day_of_the_conversation_reported():
    doc = cable("Poloffs delivered Ref A demarche on October 30, 2009 to Brazilian MRE Pol/Mil Advisor Marcos Pinta Gama.",
                "In a separate meeting, Brigadier Holand told Pol/MilOff he was grateful for U.S. efforts.",
                post="BRASILIA", tags="PREL, MARR, BR, CO")
    doc.cable.created_datetime = __import__("datetime").datetime(2009, 11, 2, 12, 0)
    meetings, _ = extract_meetings(doc)
    assert [m.date_edtf for m in meetings] == ["2009-10-30", "2009-10-30"]


ICELAND = """<code><pre>C O N F I D E N T I A L REYKJAVIK 000158

SIPDIS
E.O. 12958: DECL: 10/14/2019
TAGS: PREL, NATO, IC
SUBJECT: ICELANDIC FOREIGN MINISTER'S MEETING WITH CHARGE FOCUSES ON UNGA, ICESAVE, NATO

6. (C) Skarphedinsson also spoke about defense issues including the closure of the Icelandic Defense Agency.

7. (C) The Minister said that Iceland also remains committed to the effort in Afghanistan.

WATSON</pre></code>"""


def test_a_subject_line_meeting_is_kept_where_the_body_names_the_counterpart_by_rank():
    meetings, participants = extract_meetings(_cable(ICELAND, "09REYKJAVIK158.txt"))
    (m,) = meetings
    assert (m.method, m.quote_paragraph, m.country_code) == ("meetings:subject", 7, "ISL")
    assert {(p.country_code, p.level) for p in participants if p.role == "lead"} == {("ISL", "minister"), ("USA", "ambassador")}


def test_an_official_the_paragraph_says_participated_is_at_its_meeting():
    doc = cable("On September 11, 2007, Argentine intelligence service analysts briefed Ambassador and EmbOffs on the threat.  "
                "Perhaps as a gesture on this anniversary, the Secretary of Intelligence and his deputy participated.",
                post="BUENOSAIRES", tags="PTER, AR")
    meetings, participants = extract_meetings(doc)
    assert len(meetings) == 1
    leads = {(p.country_code, p.title, p.level) for p in participants if p.role == "lead"}
    assert ("ARG", "Secretary of Intelligence", "senior_official") in leads


def test_he_would_see_a_leader_on_a_date_is_a_planned_meeting():
    doc = cable("President Alvaro Uribe mentioned he would see Hugo Chavez in Ecuador on November 29, 2007 at President Rafael "
                "Correa's inauguration ceremony.", post="BOGOTA", tags="PREL, CO, VE, EC")
    doc.cable.created_datetime = __import__("datetime").datetime(2007, 11, 20, 12, 0)
    meetings, participants = extract_meetings(doc)
    (m,) = meetings
    assert (m.date_edtf, m.country_code, m.status) == ("2007-11-29", "ECU", "planned")
    assert {p.country_code for p in participants if p.role == "lead"} == {"COL", "VEN", "ECU"}


def test_skipped_meetings_family_visits_company_directors_and_undated_meetings_in_general_are_no_meetings():
    doc = cable("Jaramillo said Silva skipped meetings with SOUTHCOM Commander Douglas Fraser on May 3, 2009.",
                "His wife and six children visited in late December 2007.",
                "Boeing Sales Director for Brazil, Jose Sicilia, told Emboffs on March 3, 2009 that Varig is bankrupt.",
                "The Embassy had the impression based on meetings with high-ranking members of the Spanish military that Spain was undecided.",
                post="BOGOTA", tags="PREL, CO")
    assert extract_meetings(doc)[0] == []


def people_written(doc, host):
    """Every titled or gazetteer-known official the cable's paragraphs name, as the meetings
    extractor reads them in a post's cable from ``host``."""
    from engagements.extract import meetings as M

    ctx = M._Ctx(doc=doc, ref=None, host=host, embassy=True)
    return [p for x in doc.paragraphs for p, _, _ in M._people_in(x.text, ctx, None)]


def test_the_body_after_a_title_the_agency_before_it_and_a_comma_before_another_title_place_people():
    doc = cable("Leaders at the summit included President of the European Commission Jose Manuel Barroso.",
                "We need senior-level visits, such as the planned trip by Deputy FBI Director Pistole.",
                "During an October 26 call on the Ambassador, Israeli Ambassador Gabby Levy registered concern.",
                post="ANKARA", tags="PREL, TU, IS")
    people = {(p.name, p.country) for p in people_written(doc, "TUR")}
    assert {("Jose Manuel Barroso", "EU"), ("Pistole", "USA"), ("Gabby Levy", "ISR"), (None, "USA")} <= people


def test_an_embassy_title_followed_by_of_the_french_embassy_is_french():
    doc = cable("Political Counselor Guillaume Bazard of the French Embassy told PolOff on September 3, 2008 that the FTA framework is agreed.",
                post="NEWDELHI", tags="PREL, IN, FR")
    _, participants = extract_meetings(doc)
    assert ("FRA", "Guillaume Bazard") in {(p.country_code, p.name) for p in participants}


def test_a_title_broken_over_two_lines_is_read_whole():
    doc = cable("(He said he would raise the issue with National Security Council Senior\nDirector Lipton in his upcoming visit to Pakistan.",
                post="ISLAMABAD", tags="PREL, PK")
    (p,) = people_written(doc, "PAK")
    assert (p.name, p.title, p.country, p.level) == ("Lipton", "Senior Director", "USA", "senior_official")


def test_offices_abroad_people_inside_longer_names_and_administrations_are_placed_right():
    from engagements.extract import meetings as M

    doc = cable("The DCM met with European Union chief of mission Ambassador Andrew Standley and WHA/CEN Deputy Director David Wolfe.",
                "Secretary of State for Cooperation Alain Joyandet would soon revisit Guinea.",
                post="PARIS", tags="PREL, FR")
    people = {(p.name, p.country) for p in people_written(doc, "FRA")}
    assert {("Andrew Standley", "EU"), ("David Wolfe", "USA"), ("Alain Joyandet", "FRA")} <= people
    ctx = M._Ctx(doc=doc, ref=None, host="FRA", embassy=True)
    ctx.known = {"Morales": M.Person(name="Evo Morales", title="President", country="BOL", level=None),
                 "Obama": M.Person(name="Barack Obama", title="President", country="USA", level=None)}
    s = "UN representative Jose Manuel Martinez Morales praised the Obama Administration."
    assert M._known_surnames(s, ctx, []) == []


def test_a_political_director_ranks_as_a_senior_official_and_an_assembly_is_no_name():
    doc = cable("MFA Political Director Rafael Dezcallar told us the GOS had presented a list of prisoners.",
                "Ali Treiki looked forward to a tour as the President of the UN General Assembly.",
                post="MADRID", tags="PREL, SP")
    people = {(p.name, p.title, p.level) for p in people_written(doc, "ESP")}
    assert ("Rafael Dezcallar", "Political Director", "senior_official") in people
    assert not any(name == "General Assembly" for name, _, _ in people)


def test_people_of_another_clause_or_named_attributively_are_not_at_the_meeting():
    doc = cable("Interlocutors have suggested that President Obama consider pardoning Siddiqui, and Prime Minister Gilani "
                "told Senator Kerry on February 16, 2010 that Siddiqui should be transferred to Pakistan.",
                post="ISLAMABAD", tags="PREL, PK")
    _, participants = extract_meetings(doc)
    assert {p.name for p in participants if p.role == "lead"} == {"Gilani", "Kerry"}


def test_who_is_spoken_of_after_told_us_is_not_at_the_meeting():
    doc = cable("Deputy Foreign Minister Karasin told us on May 3, 2007 she believes President Putin has narrowed the field to five.",
                post="MOSCOW", tags="PREL, RS")
    _, participants = extract_meetings(doc)
    assert "Putin" not in {p.name for p in participants}
