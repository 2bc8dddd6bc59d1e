"""Titles, levels and participant blocks as memoranda of conversation print them."""

import pytest
from engagements.extract.names import mend_first_name
from engagements.extract.people import expand_title, level_for_title, parse_participants
from engagements.schema.vocab import Level


@pytest.mark.parametrize(
    "abbrev, full",
    [
        ("U/S", "Under Secretary"),
        ("DAS", "Deputy Assistant Secretary"),
        ("FM", "Foreign Minister"),
        ("Peruvian Deputy PermRep to the UN", "Peruvian Deputy Permanent Representative to the UN"),
        ("A/S", "Assistant Secretary"),
        ("Poloff", "Poloff"),
    ],
)
def test_expand_title(abbrev, full):
    assert expand_title(abbrev) == full


@pytest.mark.parametrize(
    "title, country, level",
    [
        ("Secretary", "USA", Level.MINISTER),
        ("Under Secretary", "USA", Level.DEPUTY_MINISTER),
        ("Deputy Secretary", "USA", Level.DEPUTY_MINISTER),
        ("DASD", "USA", Level.DEPUTY_ASSISTANT_SECRETARY),
        ("Principal Deputy Assistant Secretary", "USA", Level.DEPUTY_ASSISTANT_SECRETARY),
        ("Assistant Secretary for Western Hemisphere Affairs", "USA", Level.ASSISTANT_SECRETARY),
        ("Charge d'Affaires", "USA", Level.AMBASSADOR),
        ("President", "BOL", Level.HEAD_OF_STATE),
        ("Prime Minister", "IND", Level.HEAD_OF_STATE),
        ("Vice President and Foreign Minister", "PAN", Level.MINISTER),
        ("Vice Minister of Defense", "COL", Level.DEPUTY_MINISTER),
        ("Minister of Defense", "PER", Level.MINISTER),
        ("Foreign Secretary", "IND", Level.DEPUTY_MINISTER),
        ("Foreign Secretary", "GBR", Level.MINISTER),
        ("State Secretary for Defense", "NLD", Level.DEPUTY_MINISTER),
        ("Major General", "USA", Level.MILITARY_COMMANDER),
        ("Director General (Brigadier General, ret.)", "ISR", Level.SENIOR_OFFICIAL),
        ("Senator", "USA", Level.LEGISLATOR),
        ("National Security Advisor", "USA", Level.SENIOR_OFFICIAL),
        ("Foreign Policy Advisor to the President", "BRA", Level.SENIOR_OFFICIAL),
        ("Political Counselor", "USA", Level.WORKING_LEVEL),
        ("Desk Officer", "USA", Level.WORKING_LEVEL),
        ("Major, in charge of border intelligence", "PAN", Level.WORKING_LEVEL),
        ("Attorney General", "USA", Level.MINISTER),
        ("Attorney General", "CHL", Level.SENIOR_OFFICIAL),
    ],
)
def test_level_for_title(title, country, level):
    assert level_for_title(title, country) == level


def test_first_name_typos_are_mended_only_when_unambiguous():
    assert mend_first_name("Willian") == "William"
    assert mend_first_name("William") == "William"
    assert mend_first_name("Zxqwv") == "Zxqwv"


def rows(block, **kw):
    return [(p.country, p.name, p.title, str(p.role), p.level and str(p.level)) for p in parse_participants(block, **kw)]


def test_sides_run_together_on_one_line():
    block = ("Participants: UNITED STATES U/S Willian J. Burns DAS Christopher J. McMullen "
             "Sara Mangiaracina (WHA Notetaker) PERU FM Jose Antonio Garcia Belaunde Luis "
             "Valdivieso, Peruvian Ambassador to the United States Luis Chavez, Peruvian Deputy "
             "PermRep to the UN ")
    assert rows(block) == [
        ("USA", "William J. Burns", "Under Secretary", "lead", "deputy_minister"),
        ("USA", "Christopher J. McMullen", "Deputy Assistant Secretary", "participant", "deputy_assistant_secretary"),
        ("USA", "Sara Mangiaracina", "WHA Notetaker", "notetaker", "working_level"),
        ("PER", "Jose Antonio Garcia Belaunde", "Foreign Minister", "lead", "minister"),
        ("PER", "Luis Valdivieso", "Peruvian Ambassador to the United States", "participant", "ambassador"),
        ("PER", "Luis Chavez", "Peruvian Deputy Permanent Representative to the UN", "participant", "ambassador"),
    ]


def test_one_person_a_line_under_country_headings():
    block = "Participants:\n\nUnited States\nDeputy Secretary Smith\nJane Doe (notetaker)\n\nMexico\nForeign Minister Pedro Ruiz\nAmbassador Ana Lopez\n"
    assert rows(block) == [
        ("USA", "Smith", "Deputy Secretary", "lead", "deputy_minister"),
        ("USA", "Jane Doe", "notetaker", "notetaker", "working_level"),
        ("MEX", "Pedro Ruiz", "Foreign Minister", "lead", "minister"),
        ("MEX", "Ana Lopez", "Ambassador", "participant", "ambassador"),
    ]


def test_sides_with_colons_and_semicolons():
    block = "Participants: USG: Ambassador John Roe; Eric Moe, Econoff. UK: Mervyn King, Governor, Bank of England; Chris Salt, Private Secretary."
    got = rows(block)
    assert got[0][:3] == ("USA", "John Roe", "Ambassador")
    assert ("GBR", "Mervyn King", "Governor, Bank of England", "lead", "senior_official") in got


def test_bulleted_lists_with_side_labels_and_wrapped_titles():
    block = ("Bolivian Participants:\n\n-- Brigadier General (ret) Juan Roe, MOD Director\nGeneral\n"
             "-- Ana Poe, MFA Political-Military Chief\n\nList of U.S. participants:\n\n"
             "-- John Doe, Deputy Assistant Secretary of\nDefense\n-- Mary Moe, RSO\n")
    got = rows(block, host="BOL")
    assert got == [
        ("BOL", "Juan Roe", "MOD Director General", "lead", "senior_official"),
        ("BOL", "Ana Poe", "MFA Political-Military Chief", "participant", "senior_official"),
        ("USA", "John Doe", "Deputy Assistant Secretary of Defense", "lead", "deputy_assistant_secretary"),
        ("USA", "Mary Moe", "RSO", "participant", "working_level"),
    ]


def test_title_comma_name_lines_keep_the_field_of_an_office_in_the_title():
    block = "Participants:\nCOLOMBIA\nHigh Commissioner for Peace Affairs, Juan Gomez\nVice Minister of Labor, Ana Ruiz\n"
    people = parse_participants(block, host="COL")
    assert [(p.name, p.title, p.country) for p in people] == [
        ("Juan Gomez", "High Commissioner for Peace Affairs", "COL"),
        ("Ana Ruiz", "Vice Minister of Labor", "COL"),
    ]


def test_an_unbulleted_line_wrapped_onto_the_next_keeps_its_name():
    block = ("Participants:\nSPAIN\nForeign Minister Perez\nDirector General for North America and Europe\n"
             "Luis Fernandez de la Torre\nMinistry of Foreign Affairs Desk Officer, Maria\nLopez\n")
    people = parse_participants(block, host="ESP")
    assert [(p.name, p.title) for p in people] == [
        ("Perez", "Foreign Minister"),
        ("Luis Fernandez de la Torre", "Director General for North America and Europe"),
        ("Maria Lopez", "Ministry of Foreign Affairs Desk Officer"),
    ]
