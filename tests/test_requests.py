"""Requests read from cables: seed 004's six exactly, and the rules on short cable-style text."""

from conftest import seed_path
from engagements.extract.engagement import extract_records
from engagements.extract.items import classify_item
from engagements.extract.read import read_bytes, read_path
from engagements.extract.requests import extract_requests


def cable(*paragraphs: str, post: str = "LIMA", tags: str = "PREL, PE") -> object:
    """A short embassy cable in the WikiLeaks <pre> form, one numbered paragraph per argument."""
    body = "\n\n".join(f"{i}. (C) {text}" for i, text in enumerate(paragraphs, 1))
    text = f"<code><pre>C O N F I D E N T I A L {post} 000123\n\nE.O. 12958: DECL: 11/20/2019\nTAGS: {tags}\n\n{body}\n\nSIGNER</pre></code>"
    return read_bytes(text.encode(), f"pre/09{post}123.txt")


def keys(requests):
    return sorted((r.requester_country_code, r.addressee_country_code, r.item) for r in requests)


def test_seed_004_gives_the_six_requests_of_the_foreign_minister():
    doc = read_path(seed_path("004"))
    found = extract_records(doc)
    (meeting,) = found.meetings
    rows = {r.item: r for r in found.requests}
    assert sorted(rows) == sorted(["helicopters", "night_vision_devices", "intelligence_sharing", "training", "equipment_other", "diplomatic_action"])
    for r in found.requests:
        assert (r.requester_country_code, r.addressee_country_code, r.status) == ("PER", "USA", "requested")
        assert r.meeting_id == meeting.meeting_id and r.date_edtf == "2009-09-25"
        assert r.quote in doc.paragraph(r.quote_paragraph).text
        assert r.method.startswith("requests:") and r.plover_type == "REQUEST"
    assert rows["night_vision_devices"].item_text == "night vision goggles"
    assert rows["intelligence_sharing"].paragraph_numbers == [4, 5]
    assert rows["equipment_other"].item_text == "more equipment"
    assert rows["diplomatic_action"].paragraph_numbers[0] == 3
    assert rows["helicopters"].cameo_code == "0232"


def test_seed_000_force_level_assessment_was_requested_and_approved():
    doc = read_path(seed_path("000"))
    (r,) = extract_requests(doc)
    assert (r.requester_country_code, r.addressee_country_code, r.item, r.status, r.date_edtf) == ("PER", "USA", "technical_assistance", "approved", "2009-08~")
    assert r.item_text == "a force level assessment by the US DoD of the Peruvian Armed Forces"  # "such an assessment" resolved


def test_a_list_gives_one_request_per_item():
    doc = cable("Defense Minister Flores requested ten helicopters and radios, as well as training for pilots.")
    assert keys(extract_requests(doc)) == [("PER", "USA", "communications_equipment"), ("PER", "USA", "helicopters"), ("PER", "USA", "training")]


def test_assistance_including_items_is_the_items():
    doc = cable("The Vice Minister told the Ambassador he was worried, and requested urgent USG assistance, including night vision goggles.")
    assert keys(extract_requests(doc)) == [("PER", "USA", "night_vision_devices")]


def test_urging_a_government_is_a_diplomatic_action_of_the_us():
    doc = cable("The Ambassador urged the GOP to support the resolution on Honduras.")
    (r,) = extract_requests(doc)
    assert (r.requester_country_code, r.addressee_country_code, r.item) == ("USA", "PER", "diplomatic_action")
    assert r.cameo_code == "0243"


def test_demarche_is_a_diplomatic_action_request():
    doc = cable("Poloff delivered the demarche on the arms trade treaty to MFA Director Rojas on October 2.")
    assert keys(extract_requests(doc)) == [("USA", "PER", "diplomatic_action")]


def test_denial_and_approval_language_sets_the_status():
    doc = cable("Minister Flores asked the Ambassador for patrol boats. The Ambassador declined.")
    (r,) = extract_requests(doc)
    assert (r.item, r.status) == ("vessels", "denied")


def test_pronoun_requester_is_the_last_named_actor():
    doc = cable("Peruvian Foreign Minister Rojas welcomed the visit. He also asked for more financial assistance.")
    assert keys(extract_requests(doc)) == [("PER", "USA", "financial_assistance")]


def test_no_request_from_questions_negations_or_taskings():
    doc = cable(
        "The Minister asked whether the USG would fund the program.",
        "The Minister did not request helicopters.",
        "Post requests Department guidance on the visit.",
        "The Minister would request helicopters if the budget allowed.",
    )
    assert extract_requests(doc) == []


def test_item_vocabulary():
    assert classify_item("night vision goggles") == "night_vision_devices"
    assert classify_item("a battalion of helicopters") == "helicopters"
    assert classify_item("drones") == "aircraft"
    assert classify_item("command post vehicles") == "vehicles"
    assert classify_item("increased intelligence sharing") == "intelligence_sharing"
    assert classify_item("a force level assessment") == "technical_assistance"
    assert classify_item("more equipment") == "equipment_other"
    assert classify_item("nothing in particular") is None


def test_noun_requests_name_the_requester_after_from_or_before():
    doc = cable("The Minister accepted a meeting request from Assistant Secretary Smith.")
    assert keys(extract_requests(doc)) == [("USA", "PER", "meeting")]
    doc = cable("The Chilean extradition requests remain pending before the Supreme Court.")
    assert keys(extract_requests(doc)) == [("CHL", "PER", "legal_cooperation")]


def test_stressing_to_counterparts_is_a_us_request():
    doc = cable("Poloff emphasized to Chilean Embassy counterparts the importance of a common position on Bolivia.")
    assert keys(extract_requests(doc)) == [("USA", "CHL", "diplomatic_action")]


def test_a_government_instructing_its_own_bodies_is_no_request():
    doc = cable(
        "President Garcia urged Congress to pass the budget.",
        "The Foreign Minister demanded that the National Police investigate the attack.",
    )
    assert extract_requests(doc) == []


def test_the_north_in_a_seoul_cable_is_the_dprk():
    doc = cable("The North, however, has demanded that Seoul provide economic aid before any summit.", post="SEOUL", tags="PREL, KS, KN")
    assert keys(extract_requests(doc)) == [("PRK", "KOR", "financial_assistance")]


def test_questions_put_through_request_verbs_are_no_requests():
    doc = cable(
        "The Vice Minister asked for an update on the status of the radar sale.",
        "The Vice Minister asked the Ambassador to say whether the USG would fund the program.",
        "The Vice Minister asked for others' assessments of the border situation.",
    )
    assert extract_requests(doc) == []


def test_calling_on_a_person_is_a_visit():
    doc = cable("On May 4 Chilean Ambassador Soto called on the Ambassador to brief him on the talks.")
    assert extract_requests(doc) == []


def test_a_that_clause_needs_a_government_to_act():
    doc = cable(
        "The Vice Minister asked that the shipment be delayed.",
        "The Vice Minister asked that the donor community lessen its conditions.",
        "The Vice Minister asked that the Government of the United States (USG) extend the program.",
    )
    assert keys(extract_requests(doc)) == [("PER", "USA", "diplomatic_action")]


def test_an_unplaced_leader_in_a_cable_about_another_country_has_no_government():
    doc = cable("President Kumar requested more financial assistance for the flood victims.", post="LONDON", tags="PREL, UK, PK")
    assert extract_requests(doc) == []
    doc = cable("President Kumar requested more financial assistance for the flood victims.", post="LONDON", tags="PREL, UK")
    assert keys(extract_requests(doc)) == [("GBR", "USA", "financial_assistance")]


def test_a_mission_to_an_organisation_assumes_no_host_for_its_contacts():
    doc = cable("Kessler requested more financial assistance for the program.", post="USNATO", tags="PREL, NATO, AF")
    assert extract_requests(doc) == []


def test_joint_steps_and_nationality_adjectives_are_no_suggested_requests():
    doc = cable(
        "Foreign Minister Rojas suggested that the U.S. and Peru sign a joint statement.",
        "Foreign Minister Rojas suggested that the Chilean banking sector be targeted.",
        "The Inter-American Commission recommended that Peru adopt new prison rules.",
    )
    assert extract_requests(doc) == []


def test_a_clause_asks_for_material_only_with_a_giving_verb():
    doc = cable("Foreign Minister Rojas called on the UN Security Council to impose a ban on the sale of weapons.")
    assert keys(extract_requests(doc)) == [("PER", "UN", "diplomatic_action")]
    doc = cable("Foreign Minister Rojas urged the USG to provide helicopters to the police.")
    assert keys(extract_requests(doc)) == [("PER", "USA", "helicopters")]


def test_seeking_needs_someone_to_ask():
    doc = cable("Foreign Minister Rojas has sought closer relations with the region.")
    assert extract_requests(doc) == []


def test_an_ambassador_placed_by_nationality_keeps_his_government():
    doc = cable(
        "Chilean Ambassador Soto briefed Poloff on the border talks.",
        "Ambassador Soto requested more U.S. training for the Chilean navy.",
    )
    assert keys(extract_requests(doc)) == [("CHL", "USA", "training")]


def test_a_date_after_the_cable_was_sent_is_a_target_not_when_the_request_was_made():
    text = seed_path("000").read_text(encoding="utf-8").replace("By early August and", "By early August 2013 and")
    (r,) = extract_requests(read_bytes(text.encode(), "seeds/000_target_year.txt"))
    assert r.item == "technical_assistance" and r.date_edtf is None


def test_equipment_requests_take_each_item_class_of_the_list_that_follows():
    doc = cable("We validated all of the equipment requests from the Costa Rican Air Wing and the Coast Guard.  Examples of some of "
                "the big ticket items include:   -- Handheld radios;   -- command post vehicles;   -- night vision goggles; and "
                "-- bulletproof vests.", post="SANJOSE", tags="SNAR, CS")
    found = extract_records(doc)
    assert {("CRI", "USA", "night_vision_devices"), ("CRI", "USA", "vehicles"), ("CRI", "USA", "communications_equipment")} <= set(keys(found.requests))
